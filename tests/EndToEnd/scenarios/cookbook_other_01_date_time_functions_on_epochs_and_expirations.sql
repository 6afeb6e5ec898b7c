-- scenario: ververica/flink-sql-cookbook other-builtin-functions/01_date_time: TO_TIMESTAMP(FROM_UNIXTIME(epoch)) in the UTC session zone, DATE_FORMAT(ts, 'YYYYww') (week year and week, Sunday-first weeks: 2020-12-31 is week 1 of 2021), EXTRACT(DAY/MONTH/YEAR) and a TIMESTAMPDIFF(DAY, ...) < 30 filter, against a fixed TIMESTAMP '2020-12-20 00:00:00' in place of CURRENT_TIMESTAMP. Expected rows derived by hand from Flink's documented semantics
-- file: input/dt_subs.csv
--| u1,1576141834,1609060234,2021-01-05 10:00:00
--| u2,1607764234,1639300234,2021-03-01 00:00:00
--| u3,1600000000,1620000000,2020-12-31 23:59:59
--| u4,1590000000,1610000000,2021-01-18 12:00:00
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TABLE subscriptions ( 
    id STRING,
    start_date INT,
    end_date INT,
    payment_expiration TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/dt_subs.csv', 'format' = 'csv');
CREATE TABLE o1 (id STRING, start_date TIMESTAMP(3), end_date TIMESTAMP(3), exp_yweek STRING, exp_day BIGINT, exp_month BIGINT, exp_year BIGINT) WITH ('connector'='print');
INSERT INTO o1
SELECT 
  id,
  TO_TIMESTAMP(FROM_UNIXTIME(start_date)) AS start_date,
  TO_TIMESTAMP(FROM_UNIXTIME(end_date)) AS end_date,
  DATE_FORMAT(payment_expiration,'YYYYww') AS exp_yweek,
  EXTRACT(DAY FROM payment_expiration) AS exp_day,     --same as DAYOFMONTH(ts)
  EXTRACT(MONTH FROM payment_expiration) AS exp_month, --same as MONTH(ts)
  EXTRACT(YEAR FROM payment_expiration) AS exp_year    --same as YEAR(ts)
FROM subscriptions
WHERE 
  TIMESTAMPDIFF(DAY,TIMESTAMP '2020-12-20 00:00:00',payment_expiration) < 30;
-- expect stdout (unordered):
--| +I[u1, 2019-12-12T09:10:34, 2020-12-27T09:10:34, 202102, 5, 1, 2021]
--| +I[u3, 2020-09-13T12:26:40, 2021-05-03T00:00, 202101, 31, 12, 2020]
--| +I[u4, 2020-05-20T18:40, 2021-01-07T06:13:20, 202104, 18, 1, 2021]
