-- scenario: an option the connector does not know fails where the table is written with Flink's FactoryUtil wording ("Unsupported options found for 'print'." then the unsupported and the supported options), suggesting the closest, with the caret under the table in the INSERT
-- sql:
CREATE TABLE out_print (id INT) WITH ('connector' = 'print', 'standard_error' = 'true');
INSERT INTO out_print VALUES (1);
-- expect error: Unable to create a sink for writing table 'default_catalog.default_database.out_print'.
-- expect error: 'standard_error'='true'
-- expect error: Unsupported options found for 'print'.
-- expect error: Unsupported options:
-- expect error: standard_error (did you mean 'standard-error'?)
-- expect error: Supported options:
-- expect error: print-identifier
-- expect error: job.sql:2:13
-- expect caret under: out_print VALUES
-- expect exit: non-zero
