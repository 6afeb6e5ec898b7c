-- scenario: GROUP BY with COUNT, SUM, MAX and HAVING over a file read row by row (one-row batches) prints Flink's changelog: +I for a new key, -U/+U when its results change, nothing when they do not
-- file: input/bids.csv
--| 1,alice,100
--| 2,bob,250
--| 3,alice,50
--| 4,alice,
--| 5,bob,300
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
SET 'execution.batch.max-rows' = '1';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (bidder STRING, n BIGINT, total INT, top INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, COUNT(*), SUM(price), MAX(price) FROM bids GROUP BY bidder;
-- expect stdout (ordered):
--| +I[alice, 1, 100, 100]
--| +I[bob, 1, 250, 250]
--| -U[alice, 1, 100, 100]
--| +U[alice, 2, 150, 100]
--| -U[alice, 2, 150, 100]
--| +U[alice, 3, 150, 100]
--| -U[bob, 1, 250, 250]
--| +U[bob, 2, 550, 300]
