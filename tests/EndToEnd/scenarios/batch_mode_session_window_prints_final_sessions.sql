-- scenario: batch mode: a SESSION window TVF over a TIMESTAMP column without watermark (rows out of order) prints each final session once, as +I
-- file: input/clicks.csv
--| alice,2026-01-01 10:00:05
--| bob,2026-01-01 10:00:40
--| alice,2026-01-01 10:01:10
--| alice,2026-01-01 10:00:30
--| bob,2026-01-01 09:59:59
--| alice,2026-01-01 10:05:00
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
CREATE TABLE clicks (who STRING, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE sessions (who STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), c BIGINT) WITH ('connector' = 'print');
INSERT INTO sessions
SELECT who, window_start, window_end, COUNT(*) FROM TABLE(SESSION(TABLE clicks PARTITION BY who, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY who, window_start, window_end;
-- expect stdout (unordered):
--| +I[alice, 2026-01-01T10:00:05, 2026-01-01T10:02:10, 3]
--| +I[alice, 2026-01-01T10:05, 2026-01-01T10:06, 1]
--| +I[bob, 2026-01-01T09:59:59, 2026-01-01T10:01:40, 2]
