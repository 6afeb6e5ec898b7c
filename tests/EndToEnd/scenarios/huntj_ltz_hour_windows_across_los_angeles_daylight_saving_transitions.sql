-- scenario: hourly TUMBLE windows on a TIMESTAMP_LTZ rowtime in America/Los_Angeles across both 2021 daylight-saving transitions, as Flink's TimeWindowUtil: the window before the skipped hour holds all its rows (it fires at 01:59:59.999 PST, not an hour early) and window_time is toEpochMills(window_end - 1 ms), the earlier instant of an hour that repeats
-- file: input/events.csv
--| a,1615708800000
--| b,1615712400000
--| b2,1615714200000
--| c,1615716000000
--| e,1636268400000
--| f,1636272000000
--| g,1636275600000
--| h,1636279200000
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'America/Los_Angeles';
CREATE TABLE events (id STRING, ms BIGINT, ts_ltz AS TO_TIMESTAMP_LTZ(ms, 3), WATERMARK FOR ts_ltz AS ts_ltz)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP_LTZ(3), cnt BIGINT, first_id STRING, last_id STRING)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT window_start, window_end, window_time, COUNT(*), MIN(id), MAX(id)
FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts_ltz), INTERVAL '1' HOUR))
GROUP BY window_start, window_end, window_time;
-- expect stdout (unordered):
--| +I[2021-03-14T00:00, 2021-03-14T01:00, 2021-03-14T08:59:59.999Z, 1, a, a]
--| +I[2021-03-14T01:00, 2021-03-14T02:00, 2021-03-14T09:59:59.999Z, 2, b, b2]
--| +I[2021-03-14T03:00, 2021-03-14T04:00, 2021-03-14T10:59:59.999Z, 1, c, c]
--| +I[2021-11-07T00:00, 2021-11-07T01:00, 2021-11-07T07:59:59.999Z, 1, e, e]
--| +I[2021-11-07T01:00, 2021-11-07T02:00, 2021-11-07T08:59:59.999Z, 2, f, g]
--| +I[2021-11-07T02:00, 2021-11-07T03:00, 2021-11-07T10:59:59.999Z, 1, h, h]
