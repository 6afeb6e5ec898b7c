-- scenario: batch mode: a TUMBLE window over a TIMESTAMP column without a watermark (and a GROUP BY) write their final rows to an append-only filesystem csv sink; every row counts, in or out of order
-- file: input/clicks.csv
--| alice,2026-01-01 10:00:05
--| bob,2026-01-01 10:00:40
--| alice,2026-01-01 10:01:10
--| alice,2026-01-01 10:00:30
--| bob,2026-01-01 09:59:59
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE clicks (who STRING, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE per_minute (who STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), c BIGINT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/windows', 'format' = 'csv');
CREATE TABLE per_user (who STRING, c BIGINT, last_click TIMESTAMP(3)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/users', 'format' = 'csv');
INSERT INTO per_minute
SELECT who, window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY who, window_start, window_end;
INSERT INTO per_user SELECT who, COUNT(*), MAX(ts) FROM clicks GROUP BY who;
-- expect files ${SCRATCH}/windows (unordered):
--| alice,"2026-01-01 10:00:00","2026-01-01 10:01:00",2
--| alice,"2026-01-01 10:01:00","2026-01-01 10:02:00",1
--| bob,"2026-01-01 09:59:00","2026-01-01 10:00:00",1
--| bob,"2026-01-01 10:00:00","2026-01-01 10:01:00",1
-- expect files ${SCRATCH}/users (unordered):
--| alice,3,"2026-01-01 10:01:10"
--| bob,2,"2026-01-01 10:00:40"
