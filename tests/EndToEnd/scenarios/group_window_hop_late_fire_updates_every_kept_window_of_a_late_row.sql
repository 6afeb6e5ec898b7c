-- scenario: with late firing (delay 0) and an allowed lateness a GROUP BY HOP window (size 10 s, slide 5 s) fires each window once on time, and a late row (10:00:03 after the watermark passed 10:00:10) updates both fired windows holding it, each with its own -U/+U, in the order of their ends
-- file: input/bids.csv
--| 1,10,1705312801000
--| 2,20,1705312806000
--| 1,5,1705312812000
--| 1,7,1705312803000
--| 1,8,1705312825000
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'UTC';
SET 'table.exec.emit.late-fire.enabled' = 'true';
SET 'table.exec.emit.late-fire.delay' = '0 s';
SET 'table.exec.emit.allow-lateness' = '1 h';
CREATE TABLE bids (auction INT, price INT, epoch_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (s TIMESTAMP(3), e TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND), HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND), COUNT(*), SUM(price)
FROM bids GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND);
-- expect stdout (ordered):
--| +I[2024-01-15T09:59:55, 2024-01-15T10:00:05, 1, 10]
--| +I[2024-01-15T10:00, 2024-01-15T10:00:10, 2, 30]
--| -U[2024-01-15T09:59:55, 2024-01-15T10:00:05, 1, 10]
--| +U[2024-01-15T09:59:55, 2024-01-15T10:00:05, 2, 17]
--| -U[2024-01-15T10:00, 2024-01-15T10:00:10, 2, 30]
--| +U[2024-01-15T10:00, 2024-01-15T10:00:10, 3, 37]
--| +I[2024-01-15T10:00:05, 2024-01-15T10:00:15, 2, 25]
--| +I[2024-01-15T10:00:10, 2024-01-15T10:00:20, 1, 5]
--| +I[2024-01-15T10:00:20, 2024-01-15T10:00:30, 1, 8]
--| +I[2024-01-15T10:00:25, 2024-01-15T10:00:35, 1, 8]
