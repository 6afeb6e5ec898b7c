-- scenario: an option the connector does not know fails the statement, naming the unknown option and listing the supported ones (Flink: "Unsupported options found for 'print'. ... Supported options: ...")
-- sql:
CREATE TABLE bids (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print', 'print-identifer' = 'x');
INSERT INTO print_sink SELECT id FROM bids;
-- expect error: Unsupported option
-- expect error: print-identifer
-- expect error: print-identifier
-- expect error: standard-error
-- expect exit: non-zero
