-- scenario: batch mode refuses a SESSION window table function (Flink's message: its batch planner has no unaligned windows), at the call
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE clicks (who STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen', 'number-of-rows' = '4');
SELECT who, window_start, COUNT(*) FROM TABLE(SESSION(TABLE clicks PARTITION BY who, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY who, window_start, window_end;
-- expect exit: non-zero
-- expect error: Unaligned windows like session are not supported in batch mode yet.
-- expect error: job.sql:3:47
-- expect caret under: SESSION(
