-- scenario: batch mode runs a GROUP BY with MIN/MAX/COUNT(DISTINCT) and HAVING over a bounded table and prints one final row per group (Flink's batch table, no op column)
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,alice,300
--| 4,bob,120
--| 5,carol,500
--| 6,alice,150
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'parallelism.default' = '2';
SET 'execution.batch.max-rows' = '1';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
SELECT bidder, MIN(price) AS lo, MAX(price) AS hi, COUNT(DISTINCT price) AS prices FROM bids GROUP BY bidder HAVING COUNT(*) > 1;
-- expect stdout (all, unordered, contains):
--| | bidder |  lo |  hi | prices |
--| |  alice | 150 | 300 |      2 |
--| |    bob |  80 | 120 |      2 |
--| 2 rows in set
