-- scenario: wuchong/flink-sql-demo (Jark Wu's "Flink SQL demo: building an end-to-end streaming application"), hourly buy counts: HOUR(TUMBLE_START(ts, INTERVAL '1' HOUR)) and COUNT(*) of the 'buy' rows per legacy TUMBLE group window, over twenty user_behavior rows (a csv file in place of the kafka topic, a print sink in place of elasticsearch), the demo's DDL with its PROCTIME() column and 5 s watermark. The file ends, so every hour fires, the last one a day later (hour 0). Expected rows counted by hand from the file
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
CREATE TABLE buy_cnt_per_hour (
    hour_of_day BIGINT,
    buy_cnt BIGINT
) WITH ('connector' = 'print');
INSERT INTO buy_cnt_per_hour
SELECT HOUR(TUMBLE_START(ts, INTERVAL '1' HOUR)), COUNT(*)
FROM user_behavior
WHERE behavior = 'buy'
GROUP BY TUMBLE(ts, INTERVAL '1' HOUR);
-- expect stdout (ordered):
--| +I[1, 5]
--| +I[2, 3]
--| +I[3, 2]
--| +I[0, 1]
