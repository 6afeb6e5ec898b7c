-- scenario: TIMESTAMP(9) and TIMESTAMP_LTZ(9) keep nanoseconds through CSV in and out, literals, comparisons, casts, interval arithmetic and the print sink
-- file: input/events.csv
--| 1,2021-04-13 20:12:11.123456789
--| 2,"2021-04-13 20:12:11.123456788"
--| 3,"2021-04-13 20:12:11.1"
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE events (id INT, ts TIMESTAMP(9)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, ts TIMESTAMP(9), ltz TIMESTAMP_LTZ(9), txt STRING, later TIMESTAMP(9), ms TIMESTAMP(3)) WITH ('connector' = 'print');
CREATE TABLE out_csv (id INT, ts TIMESTAMP(9)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO print_sink SELECT id, ts, CAST(ts AS TIMESTAMP_LTZ(9)), CAST(ts AS STRING), ts + INTERVAL '1' SECOND, CAST(ts AS TIMESTAMP(3))
  FROM events WHERE ts >= TIMESTAMP '2021-04-13 20:12:11.123456789' OR id = 3;
INSERT INTO out_csv SELECT id, ts FROM events WHERE ts < TIMESTAMP '2021-04-13 20:12:11.123456789';
-- expect stdout (unordered):
--| +I[1, 2021-04-13T20:12:11.123456789, 2021-04-13T12:12:11.123456789Z, 2021-04-13 20:12:11.123456789, 2021-04-13T20:12:12.123456789, 2021-04-13T20:12:11.123]
--| +I[3, 2021-04-13T20:12:11.100, 2021-04-13T12:12:11.100Z, 2021-04-13 20:12:11.100000000, 2021-04-13T20:12:12.100, 2021-04-13T20:12:11.100]
-- expect files ${SCRATCH}/out (unordered):
--| 2,"2021-04-13 20:12:11.123456788"
--| 3,"2021-04-13 20:12:11.1"
