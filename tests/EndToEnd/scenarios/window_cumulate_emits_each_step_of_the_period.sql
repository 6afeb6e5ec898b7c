-- scenario: CUMULATE window aggregation (5 s step, 15 s max) emits a growing window at each step of a period; a late row still counts in the period's later windows, and is dropped once the period's last window fired
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
CREATE TABLE print_sink (auction INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT auction, window_start, window_end, COUNT(*), SUM(price)
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND))
GROUP BY auction, window_start, window_end;
-- expect stdout (unordered):
--| +I[1, 2024-01-15T10:00, 2024-01-15T10:00:05, 1, 10]
--| +I[2, 2024-01-15T10:00, 2024-01-15T10:00:05, 1, 20]
--| +I[1, 2024-01-15T10:00, 2024-01-15T10:00:10, 2, 40]
--| +I[2, 2024-01-15T10:00, 2024-01-15T10:00:10, 1, 20]
--| +I[1, 2024-01-15T10:00, 2024-01-15T10:00:15, 3, 47]
--| +I[2, 2024-01-15T10:00, 2024-01-15T10:00:15, 2, 25]
--| +I[1, 2024-01-15T10:00:15, 2024-01-15T10:00:30, 1, 8]
