-- scenario: an option the connector does not know fails the statement, naming the unknown option and listing the supported ones (Flink: "Unsupported options found for 'print'")
-- file: input/bids.csv
--| 1,10
-- sql:
CREATE TABLE bids (id INT, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print', 'print-identifer' = 'x');
INSERT INTO print_sink SELECT id FROM bids;
-- expect error: Unsupported options found for 'print'
-- expect error: print-identifer
-- expect error: print-identifier
-- expect error: standard-error
-- expect exit: non-zero
