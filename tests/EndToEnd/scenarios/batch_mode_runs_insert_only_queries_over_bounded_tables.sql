-- scenario: 'execution.runtime-mode' = 'batch' runs an insert-only query over bounded tables and prints Flink's batch table (no op column)
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'parallelism.default' = '1';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
SELECT id, UPPER(bidder) AS who FROM bids WHERE price > 100;
-- expect stdout (all, ordered, contains):
--| +----+-------+
--| | id |   who |
--| +----+-------+
--| |  1 | ALICE |
--| +----+-------+
--| 1 row in set
