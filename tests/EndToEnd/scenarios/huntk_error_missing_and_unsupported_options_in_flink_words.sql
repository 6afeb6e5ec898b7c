-- scenario: a filesystem table without 'path' and 'format' is created (Flink's catalog stores options unchecked) and fails where an INSERT writes it, with Flink's FactoryUtil wording naming the table, its options and every missing option ("Unable to create a sink for writing table ... One or more required options are missing. Missing required options are: ...")
-- sql:
CREATE TABLE out_files (id INT) WITH ('connector' = 'filesystem');
INSERT INTO out_files VALUES (1);
-- expect error: Unable to create a sink for writing table 'default_catalog.default_database.out_files'.
-- expect error: Table options are:
-- expect error: 'connector'='filesystem'
-- expect error: One or more required options are missing.
-- expect error: Missing required options are:
-- expect error: format
-- expect error: path
-- expect error: job.sql:2:13
-- expect caret under: out_files VALUES
-- expect exit: non-zero
