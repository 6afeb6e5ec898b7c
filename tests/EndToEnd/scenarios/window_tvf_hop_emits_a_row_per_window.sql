-- scenario: a HOP window table function read without aggregation emits each row once per window holding it (size / slide times) with window_start, window_end and window_time = end - 1 ms, nothing dropped
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
CREATE TABLE print_sink (auction INT, price INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT auction, price, window_start, window_end, window_time
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
WHERE auction = 2;
-- expect stdout (ordered):
--| +I[2, 20, 2024-01-15T09:59:55, 2024-01-15T10:00:05, 2024-01-15T10:00:04.999]
--| +I[2, 20, 2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999]
--| +I[2, 5, 2024-01-15T10:00:05, 2024-01-15T10:00:15, 2024-01-15T10:00:14.999]
--| +I[2, 5, 2024-01-15T10:00:10, 2024-01-15T10:00:20, 2024-01-15T10:00:19.999]
--| +I[2, 9, 2024-01-15T10:00:05, 2024-01-15T10:00:15, 2024-01-15T10:00:14.999]
--| +I[2, 9, 2024-01-15T10:00:10, 2024-01-15T10:00:20, 2024-01-15T10:00:19.999]
