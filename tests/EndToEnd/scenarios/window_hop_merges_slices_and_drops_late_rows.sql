-- scenario: HOP window aggregation (5 s slide, 10 s size) emits every window with rows when the watermark passes its end; a late row is dropped once the last window holding it fired
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
CREATE TABLE print_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT window_start, window_end, window_time, COUNT(*), SUM(price)
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end, window_time;
-- expect stdout (ordered):
--| +I[2024-01-15T09:59:55, 2024-01-15T10:00:05, 2024-01-15T10:00:04.999, 2, 30]
--| +I[2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999, 3, 60]
--| +I[2024-01-15T10:00:05, 2024-01-15T10:00:15, 2024-01-15T10:00:14.999, 2, 35]
--| +I[2024-01-15T10:00:10, 2024-01-15T10:00:20, 2024-01-15T10:00:19.999, 1, 5]
--| +I[2024-01-15T10:00:20, 2024-01-15T10:00:30, 2024-01-15T10:00:29.999, 1, 8]
--| +I[2024-01-15T10:00:25, 2024-01-15T10:00:35, 2024-01-15T10:00:34.999, 1, 8]
