-- scenario: the group window syntax GROUP BY TUMBLE(ts, ...) with TUMBLE_START / TUMBLE_END / TUMBLE_ROWTIME gives the same windows as the TUMBLE table function, late rows dropped
-- file: input/bids.csv
--| 1,10,2024-01-15 10:00:01
--| 2,20,2024-01-15 10:00:04
--| 1,30,2024-01-15 10:00:07
--| 2,5,2024-01-15 10:00:12
--| 1,7,2024-01-15 10:00:03
--| 1,8,2024-01-15 10:00:25
--| 2,9,2024-01-15 10:00:11
--| 1,100,2024-01-15 10:00:02
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (auction INT, wstart TIMESTAMP(3), wend TIMESTAMP(3), wtime TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT auction, TUMBLE_START(ts, INTERVAL '10' SECOND), TUMBLE_END(ts, INTERVAL '10' SECOND), TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND), COUNT(*), SUM(price)
FROM bids
GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), auction;
-- expect stdout (unordered):
--| +I[1, 2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999, 2, 40]
--| +I[2, 2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999, 1, 20]
--| +I[2, 2024-01-15T10:00:10, 2024-01-15T10:00:20, 2024-01-15T10:00:19.999, 1, 5]
--| +I[1, 2024-01-15T10:00:20, 2024-01-15T10:00:30, 2024-01-15T10:00:29.999, 1, 8]
