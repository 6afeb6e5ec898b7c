-- scenario: a DATE, TIME or TIMESTAMP column compared with a text column (=, <, IN) compares with the text cast to the temporal type, as Flink's ImplicitConversionEqualsFunctionITCase
-- file: input/events.csv
--| 1,2001-01-01,2001-01-01,00:00:00,00:00:00,2001-01-01 00:00:00,2001-01-01 00:00:00
--| 2,2001-01-02,2001-01-01,12:00:00,11:59:59,2001-01-01 00:00:01,2001-01-01 00:00:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, d DATE, ds STRING, t TIME, ts_text STRING, ts TIMESTAMP(3), tss STRING)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, d_eq BOOLEAN, d_gt BOOLEAN, t_eq BOOLEAN, ts_eq BOOLEAN, text_le_ts BOOLEAN, d_in BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, d = ds, d > ds, t = ts_text, ts = tss, tss <= ts, d IN (ds, '2001-01-02') FROM events;
-- expect stdout (unordered):
--| +I[1, true, false, true, true, true, true]
--| +I[2, false, true, false, false, true, true]
