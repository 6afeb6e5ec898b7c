-- scenario: wuchong/flink-sql-demo, cumulative UV (the demo's later version, without an OVER window): per DATE_FORMAT(ts, 'yyyy-MM-dd') the MAX of the 10-minute time string and COUNT(DISTINCT user_id), a regular GROUP BY's changelog into a print sink. Expected changelog computed by replaying the file in order (a repeat user in the same 10 minutes changes nothing, so emits nothing; the next day is a new group)
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
    date_str STRING,
    time_str STRING,
    uv BIGINT
) WITH ('connector' = 'print');
INSERT INTO cumulative_uv
SELECT date_str, MAX(time_str), COUNT(DISTINCT user_id) as uv
FROM (
  SELECT
    DATE_FORMAT(ts, 'yyyy-MM-dd') as date_str,
    SUBSTR(DATE_FORMAT(ts, 'HH:mm'),1,4) || '0' as time_str,
    user_id
  FROM user_behavior)
GROUP BY date_str;
-- expect stdout (ordered):
--| +I[2017-11-26, 01:00, 1]
--| -U[2017-11-26, 01:00, 1]
--| +U[2017-11-26, 01:00, 2]
--| -U[2017-11-26, 01:00, 2]
--| +U[2017-11-26, 01:00, 3]
--| -U[2017-11-26, 01:00, 3]
--| +U[2017-11-26, 01:10, 4]
--| -U[2017-11-26, 01:10, 4]
--| +U[2017-11-26, 01:20, 5]
--| -U[2017-11-26, 01:20, 5]
--| +U[2017-11-26, 01:20, 6]
--| -U[2017-11-26, 01:20, 6]
--| +U[2017-11-26, 01:30, 6]
--| -U[2017-11-26, 01:30, 6]
--| +U[2017-11-26, 01:40, 7]
--| -U[2017-11-26, 01:40, 7]
--| +U[2017-11-26, 01:50, 8]
--| -U[2017-11-26, 01:50, 8]
--| +U[2017-11-26, 02:00, 8]
--| -U[2017-11-26, 02:00, 8]
--| +U[2017-11-26, 02:00, 9]
--| -U[2017-11-26, 02:00, 9]
--| +U[2017-11-26, 02:10, 9]
--| -U[2017-11-26, 02:10, 9]
--| +U[2017-11-26, 02:20, 9]
--| -U[2017-11-26, 02:20, 9]
--| +U[2017-11-26, 02:30, 10]
--| -U[2017-11-26, 02:30, 10]
--| +U[2017-11-26, 02:50, 11]
--| -U[2017-11-26, 02:50, 11]
--| +U[2017-11-26, 03:00, 12]
--| -U[2017-11-26, 03:00, 12]
--| +U[2017-11-26, 03:10, 13]
--| +I[2017-11-27, 00:00, 1]
