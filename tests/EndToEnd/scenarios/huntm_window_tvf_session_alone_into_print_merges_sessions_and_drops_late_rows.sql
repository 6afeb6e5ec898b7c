-- scenario: a SESSION window table function on its own (Flink 1.20's UnalignedWindowTableFunctionOperator) with a watermark per row (parallelism 1: at 2 the source subtask without a split may end after the rows went by, and whether a row is late races with it): each row waits in its auction's session and leaves, insert-only, with window_start / window_end / window_time when the watermark passes the session's end - 1 ms; an out-of-order row bridging two open sessions merges them (all three rows get the merged bounds); a row whose own session would already have fired is dropped
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
SET 'parallelism.default' = '1';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (auction INT, price INT, ts TIMESTAMP(3), window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3))
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT * FROM TABLE(SESSION(TABLE bids PARTITION BY auction, DESCRIPTOR(ts), INTERVAL '5' SECOND));
-- expect stdout (unordered):
--| +I[1, 10, 2024-01-15T10:00:03, 2024-01-15T10:00:03, 2024-01-15T10:00:17, 2024-01-15T10:00:16.999]
--| +I[1, 20, 2024-01-15T10:00:12, 2024-01-15T10:00:03, 2024-01-15T10:00:17, 2024-01-15T10:00:16.999]
--| +I[1, 30, 2024-01-15T10:00:07, 2024-01-15T10:00:03, 2024-01-15T10:00:17, 2024-01-15T10:00:16.999]
--| +I[2, 5, 2024-01-15T10:00:10, 2024-01-15T10:00:10, 2024-01-15T10:00:15, 2024-01-15T10:00:14.999]
--| +I[1, 8, 2024-01-15T10:00:30, 2024-01-15T10:00:30, 2024-01-15T10:00:38, 2024-01-15T10:00:37.999]
--| +I[1, 100, 2024-01-15T10:00:33, 2024-01-15T10:00:30, 2024-01-15T10:00:38, 2024-01-15T10:00:37.999]
