-- scenario: with 'table.exec.emit.early-fire.enabled' and a 300 ms delay a GROUP BY TUMBLE window over a slow source (100 rows at 50 rows/s, all in one 1 h window) emits each key's result so far while the window is open (+I, then -U/+U as it grows), and the final result when the bounded input's end closes it: the last +U of each key is its whole count and sum
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
SET 'table.exec.emit.early-fire.enabled' = 'true';
SET 'table.exec.emit.early-fire.delay' = '300 ms';
CREATE TABLE src (id BIGINT, k AS id % 2, ts AS TO_TIMESTAMP_LTZ(id, 3), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'datagen', 'rows-per-second' = '50', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '100');
CREATE TABLE print_sink (k BIGINT, n BIGINT, total BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT k, COUNT(*), SUM(id) FROM src GROUP BY k, TUMBLE(ts, INTERVAL '1' HOUR);
-- expect stdout (unordered, contains):
--| +I[0,
--| +I[1,
--| -U[0,
--| -U[1,
--| +U[0, 50, 2550]
--| +U[1, 50, 2500]
