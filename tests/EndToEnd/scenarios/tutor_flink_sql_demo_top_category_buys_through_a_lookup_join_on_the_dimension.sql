-- scenario: wuchong/flink-sql-demo, top categories: the view rich_user_behavior LEFT JOINs category_dim FOR SYSTEM_TIME AS OF U.proctime (a lookup join; the demo's MySQL jdbc table is a keyed csv file here) to name each row's parent category, then COUNT(*) of the buys GROUP BY category_name into a print sink; a buy whose category is not in the dimension keeps a NULL name (its own group). Expected changelog computed by replaying the buys in file order
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
-- file: input/category.csv
--| 1464116,Clothing
--| 982926,Clothing
--| 4339722,Food
--| 2355072,Food
--| 1575622,Electronics
--| 1879194,Electronics
--| 1451783,Home
--| 965809,Sports
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
CREATE TABLE category_dim (
    sub_category_id BIGINT,
    parent_category_name STRING,
    PRIMARY KEY (sub_category_id) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/category.csv', 'format' = 'csv');
CREATE TABLE top_category (
    category_name STRING,
    buy_cnt BIGINT
) WITH ('connector' = 'print');
CREATE VIEW rich_user_behavior AS
SELECT U.user_id, U.item_id, U.behavior, C.parent_category_name as category_name
FROM user_behavior AS U LEFT JOIN category_dim FOR SYSTEM_TIME AS OF U.proctime AS C
ON U.category_id = C.sub_category_id;
INSERT INTO top_category
SELECT category_name, COUNT(*) buy_cnt
FROM rich_user_behavior
WHERE behavior = 'buy'
GROUP BY category_name;
-- expect stdout (ordered):
--| +I[Sports, 1]
--| +I[Clothing, 1]
--| +I[Food, 1]
--| +I[Electronics, 1]
--| -U[Clothing, 1]
--| +U[Clothing, 2]
--| +I[null, 1]
--| -U[Electronics, 1]
--| +U[Electronics, 2]
--| -U[Food, 1]
--| +U[Food, 2]
--| -U[Food, 2]
--| +U[Food, 3]
--| -U[Clothing, 2]
--| +U[Clothing, 3]
--| -U[Food, 3]
--| +U[Food, 4]
