-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/08_match_recognize: PATTERN (PREMIUM+ BASIC) per user_id ordered by proc_time (the file's order), MEASURES LAST(PREMIUM.type), AVG(TIMESTAMPDIFF(DAY, ...)) over the PREMIUM rows (INT average, truncated) and BASIC.start_date, AFTER MATCH SKIP PAST LAST ROW; a BASIC with no PREMIUM before it and a PREMIUM never followed by BASIC give nothing. Expected rows derived by hand from Flink's documented semantics
-- file: input/subs.csv
--| s1,1,premium,2020-11-01 00:00:00,2020-11-20 00:00:00,2021-11-01 00:00:00
--| s2,2,basic,2020-11-02 00:00:00,2020-11-12 00:00:00,2021-11-02 00:00:00
--| s3,1,platinum,2020-11-05 00:00:00,2020-11-30 00:00:00,2021-11-05 00:00:00
--| s4,1,basic,2020-12-01 00:00:00,2020-12-20 00:00:00,2021-12-01 00:00:00
--| s5,2,premium,2020-11-10 00:00:00,2020-11-15 00:00:00,2021-11-10 00:00:00
--| s6,3,premium,2020-11-10 00:00:00,2020-11-13 12:00:00,2021-11-10 00:00:00
--| s7,2,basic,2020-11-20 00:00:00,2020-11-25 00:00:00,2021-11-20 00:00:00
--| s8,3,premium,2020-11-10 00:00:00,2020-11-11 00:00:00,2021-11-10 00:00:00
--| s9,3,basic,2020-12-03 00:00:00,2020-12-09 00:00:00,2021-12-03 00:00:00
--| s10,1,premium,2020-12-05 00:00:00,2020-12-09 00:00:00,2021-12-05 00:00:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE subscriptions ( 
    id STRING,
    user_id INT,
    type STRING,
    start_date TIMESTAMP(3),
    end_date TIMESTAMP(3),
    payment_expiration TIMESTAMP(3),
    proc_time AS PROCTIME()
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/subs.csv', 'format' = 'csv');
CREATE TABLE o1 (user_id INT, premium_type STRING, premium_avg_duration INT, downgrade_date TIMESTAMP(3)) WITH ('connector'='print');
INSERT INTO o1
SELECT * 
FROM subscriptions
     MATCH_RECOGNIZE (PARTITION BY user_id 
                      ORDER BY proc_time
                      MEASURES
                        LAST(PREMIUM.type) AS premium_type,
                        AVG(TIMESTAMPDIFF(DAY,PREMIUM.start_date,PREMIUM.end_date)) AS premium_avg_duration,
                        BASIC.start_date AS downgrade_date
                      AFTER MATCH SKIP PAST LAST ROW
                      --Pattern: one or more 'premium' or 'platinum' subscription events (PREMIUM)
                      --followed by a 'basic' subscription event (BASIC) for the same `user_id`
                      PATTERN (PREMIUM+ BASIC)
                      DEFINE PREMIUM AS PREMIUM.type IN ('premium','platinum'),
                             BASIC AS BASIC.type = 'basic');
-- expect stdout (unordered):
--| +I[1, platinum, 22, 2020-12-01T00:00]
--| +I[2, premium, 5, 2020-11-20T00:00]
--| +I[3, premium, 2, 2020-12-03T00:00]
