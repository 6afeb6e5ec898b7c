-- scenario: ROLLUP with COUNT(DISTINCT) and GROUPING over a file read as one mini-batch (mini-batch on): every grouping set's key gets one +I with its final result (Flink's mini-batch output for one bundle)
-- file: input/bids.csv
--| 1,alice,web
--| 2,bob,app
--| 3,alice,app
--| 4,alice,web
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '5s';
SET 'table.exec.mini-batch.size' = '1000';
CREATE TABLE bids (id INT, bidder STRING, channel STRING) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (bidder STRING, channel STRING, n BIGINT, ids BIGINT, g BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT bidder, channel, COUNT(*), COUNT(DISTINCT id), GROUPING(channel) FROM bids GROUP BY ROLLUP (bidder, channel);
-- expect stdout (unordered):
--| +I[alice, web, 2, 2, 0]
--| +I[alice, null, 3, 3, 1]
--| +I[null, null, 4, 4, 1]
--| +I[bob, app, 1, 1, 0]
--| +I[bob, null, 1, 1, 1]
--| +I[alice, app, 1, 1, 0]
