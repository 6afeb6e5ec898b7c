-- scenario: wuchong/flink-sql-demo, cumulative UV every 10 minutes (the demo's first version): a view with MAX(SUBSTR(DATE_FORMAT(ts, 'HH:mm'),1,4) || '0') OVER w and COUNT(DISTINCT user_id) OVER w, w a named WINDOW ordered by the PROCTIME() column, ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (one global partition, rows in arrival order: the file's), then MAX(uv) GROUP BY time_str into a print sink (elasticsearch upserted; the sink's key is left out as print needs none). Expected changelog computed by replaying the file in order: a row that leaves its group's MAX unchanged emits nothing; the next day's row keeps the running MAX time '03:10'
-- file: input/user_behavior.csv
--| 543462,1715,1464116,pv,2017-11-26 01:00:00
--| 662867,2244074,1575622,pv,2017-11-26 01:03:10
--| 561558,3611281,965809,buy,2017-11-26 01:07:00
--| 894923,3076029,1879194,pv,2017-11-26 01:12:30
--| 543462,1715,1464116,buy,2017-11-26 01:15:00
--| 834377,2457617,3002561,cart,2017-11-26 01:21:00
--| 315321,942195,4339722,buy,2017-11-26 01:28:45
--| 662867,2244074,1575622,buy,2017-11-26 01:34:00
--| 625915,1162383,570735,pv,2017-11-26 01:42:00
--| 578814,176722,982926,buy,2017-11-26 01:55:10
--| 543462,4186426,1464116,pv,2017-11-26 02:02:00
--| 873335,1256540,9999999,buy,2017-11-26 02:09:20
--| 894923,3076029,1879194,buy,2017-11-26 02:15:00
--| 561558,3611281,965809,pv,2017-11-26 02:26:00
--| 429984,4625350,2355072,buy,2017-11-26 02:38:40
--| 866796,534083,4203730,fav,2017-11-26 02:51:00
--| 937166,321683,2355072,buy,2017-11-26 03:04:00
--| 156905,2901727,3001296,pv,2017-11-26 03:12:00
--| 543462,1715,1464116,buy,2017-11-26 03:19:30
--| 758810,5109,4339722,buy,2017-11-27 00:05:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE user_behavior (
    user_id BIGINT,
    item_id BIGINT,
    category_id BIGINT,
    behavior STRING,
    ts TIMESTAMP(3),
    proctime AS PROCTIME(),   -- generates processing-time attribute using computed column
    WATERMARK FOR ts AS ts - INTERVAL '5' SECOND  -- defines watermark on ts column, marks ts as event-time attribute
) WITH (
    'connector' = 'filesystem',
    'path' = '${SCRATCH}/input/user_behavior.csv',
    'format' = 'csv'
);
CREATE TABLE cumulative_uv (
    time_str STRING,
    uv BIGINT
) WITH ('connector' = 'print');
CREATE VIEW uv_per_10min AS
SELECT
  MAX(SUBSTR(DATE_FORMAT(ts, 'HH:mm'),1,4) || '0') OVER w AS time_str,
  COUNT(DISTINCT user_id) OVER w AS uv
FROM user_behavior
WINDOW w AS (ORDER BY proctime ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);
INSERT INTO cumulative_uv
SELECT time_str, MAX(uv)
FROM uv_per_10min
GROUP BY time_str;
-- expect stdout (ordered):
--| +I[01:00, 1]
--| -U[01:00, 1]
--| +U[01:00, 2]
--| -U[01:00, 2]
--| +U[01:00, 3]
--| +I[01:10, 4]
--| +I[01:20, 5]
--| -U[01:20, 5]
--| +U[01:20, 6]
--| +I[01:30, 6]
--| +I[01:40, 7]
--| +I[01:50, 8]
--| +I[02:00, 8]
--| -U[02:00, 8]
--| +U[02:00, 9]
--| +I[02:10, 9]
--| +I[02:20, 9]
--| +I[02:30, 10]
--| +I[02:50, 11]
--| +I[03:00, 12]
--| +I[03:10, 13]
--| -U[03:10, 13]
--| +U[03:10, 14]
