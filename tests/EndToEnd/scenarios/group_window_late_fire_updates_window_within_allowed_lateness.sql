-- scenario: with 'table.exec.emit.late-fire.enabled' (delay 0) and 'table.exec.emit.allow-lateness' a GROUP BY TUMBLE window fires once on time (+I) and then, for every row arriving after the watermark passed its end but within the allowed lateness, retracts its last result and emits the new one (-U/+U), as Flink's WindowOperator with an AfterEndOfWindow trigger with late firings does
-- file: input/bids.csv
--| 1,10,1705312801000
--| 2,20,1705312804000
--| 1,30,1705312807000
--| 2,5,1705312812000
--| 1,7,1705312803000
--| 1,8,1705312825000
--| 2,1,1705312815000
--| 2,2,1705312809000
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
CREATE TABLE print_sink (s TIMESTAMP(3), e TIMESTAMP(3), rt TIMESTAMP_LTZ(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT TUMBLE_START(ts, INTERVAL '10' SECOND), TUMBLE_END(ts, INTERVAL '10' SECOND), TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND), COUNT(*), SUM(price)
FROM bids GROUP BY TUMBLE(ts, INTERVAL '10' SECOND);
-- expect stdout (ordered):
--| +I[2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999Z, 3, 60]
--| -U[2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999Z, 3, 60]
--| +U[2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999Z, 4, 67]
--| +I[2024-01-15T10:00:10, 2024-01-15T10:00:20, 2024-01-15T10:00:19.999Z, 1, 5]
--| -U[2024-01-15T10:00:10, 2024-01-15T10:00:20, 2024-01-15T10:00:19.999Z, 1, 5]
--| +U[2024-01-15T10:00:10, 2024-01-15T10:00:20, 2024-01-15T10:00:19.999Z, 2, 6]
--| -U[2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999Z, 4, 67]
--| +U[2024-01-15T10:00, 2024-01-15T10:00:10, 2024-01-15T10:00:09.999Z, 5, 69]
--| +I[2024-01-15T10:00:20, 2024-01-15T10:00:30, 2024-01-15T10:00:29.999Z, 1, 8]
