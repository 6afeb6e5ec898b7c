-- scenario: Flink's System (Built-in) Functions page, the E.g. results of the temporal functions: EXTRACT(DAY ...) 5, YEAR/QUARTER/MONTH/WEEK/DAYOFYEAR/DAYOFMONTH/DAYOFWEEK of 1994-09-27 (1994, 3, 9, 39, 270, 27, 3), HOUR/MINUTE/SECOND of 13:14:15 (the docs' HOUR line repeats MINUTE's example; HOUR gives 13), FLOOR/CEIL(TIME '12:44:31' TO MINUTE) 12:44 and 12:45 (LocalTime prints without :00), CONVERT_TZ to Los Angeles, FROM_UNIXTIME(44) in UTC and in Asia/Tokyo, and the interval literals printed as java.time Duration/Period
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TABLE tmp WITH ('connector' = 'print', 'print-identifier' = 'tmp') AS SELECT
  EXTRACT(DAY FROM DATE '2006-06-05') AS t1, YEAR(DATE '1994-09-27') AS t2, QUARTER(DATE '1994-09-27') AS t3,
  MONTH(DATE '1994-09-27') AS t4, WEEK(DATE '1994-09-27') AS t5, DAYOFYEAR(DATE '1994-09-27') AS t6,
  DAYOFMONTH(DATE '1994-09-27') AS t7, DAYOFWEEK(DATE '1994-09-27') AS t8, HOUR(TIMESTAMP '1994-09-27 13:14:15') AS t9,
  MINUTE(TIMESTAMP '1994-09-27 13:14:15') AS t10, SECOND(TIMESTAMP '1994-09-27 13:14:15') AS t11,
  FLOOR(TIME '12:44:31' TO MINUTE) AS t12, CEIL(TIME '12:44:31' TO MINUTE) AS t13,
  CONVERT_TZ('1970-01-01 00:00:00', 'UTC', 'America/Los_Angeles') AS t14, FROM_UNIXTIME(44) AS t15,
  INTERVAL '10 00:00:00.004' DAY TO SECOND AS t16, INTERVAL '10' DAY AS t17, INTERVAL '2-10' YEAR TO MONTH AS t18;
SET 'table.local-time-zone' = 'Asia/Tokyo';
CREATE TABLE tokyo WITH ('connector' = 'print', 'print-identifier' = 'tokyo') AS SELECT FROM_UNIXTIME(44) AS f;
-- expect stdout (unordered):
--| tmp> +I[5, 1994, 3, 9, 39, 270, 27, 3, 13, 14, 15, 12:44, 12:45, 1969-12-31 16:00:00, 1970-01-01 00:00:44, PT240H0.004S, PT240H, P2Y10M]
--| tokyo> +I[1970-01-01 09:00:44]
