-- scenario: the group window syntax GROUP BY SESSION(ts, gap) with SESSION_START / SESSION_END / SESSION_ROWTIME: per key sessions that merge through a bridging row, each emitted once when the watermark passes its end - 1 ms; a late row is dropped
-- file: input/bids.csv
--| 1,10,2024-01-15 10:00:03
--| 1,20,2024-01-15 10:00:12
--| 1,30,2024-01-15 10:00:07
--| 2,5,2024-01-15 10:00:10
--| 1,8,2024-01-15 10:00:30
--| 2,9,2024-01-15 10:00:14
--| 1,100,2024-01-15 10:00:33
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (auction INT, sstart TIMESTAMP(3), send TIMESTAMP(3), stime TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT auction, SESSION_START(ts, INTERVAL '5' SECOND), SESSION_END(ts, INTERVAL '5' SECOND), SESSION_ROWTIME(ts, INTERVAL '5' SECOND), COUNT(*), SUM(price)
FROM bids
GROUP BY SESSION(ts, INTERVAL '5' SECOND), auction;
-- expect stdout (unordered):
--| +I[1, 2024-01-15T10:00:03, 2024-01-15T10:00:17, 2024-01-15T10:00:16.999, 3, 60]
--| +I[2, 2024-01-15T10:00:10, 2024-01-15T10:00:15, 2024-01-15T10:00:14.999, 1, 5]
--| +I[1, 2024-01-15T10:00:30, 2024-01-15T10:00:38, 2024-01-15T10:00:37.999, 2, 108]
