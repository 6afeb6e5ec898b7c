-- scenario: ververica/flink-sql-cookbook foundations/09_convert_timezones: convert_tz(cast(iot_timestamp as string), device_timezone, 'UTC') for four zones in summer and winter; CONVERT_TZ parses 'yyyy-MM-dd HH:mm:ss' and ignores the rest, so the .500 of a TIMESTAMP(3) is dropped. Expected rows derived by hand from Flink's documented semantics
-- file: input/iot.csv
--| 10.0.0.1,America/Los_Angeles,2020-12-19 13:52:37,OK
--| 10.0.0.2,Europe/Rome,2020-07-19 13:52:37,KO
--| 10.0.0.3,Europe/London,2020-12-19 00:30:00,WARNING
--| 10.0.0.4,Australia/Sydney,2020-12-19 08:00:00.5,OK
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE iot_status ( 
    device_ip       STRING,
    device_timezone STRING,
    iot_timestamp   TIMESTAMP(3),
    status_code     STRING
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/iot.csv', 'format' = 'csv');
CREATE TABLE o1 (device_ip STRING, device_timezone STRING, iot_timestamp TIMESTAMP(3), iot_timestamp_utc STRING, status_code STRING) WITH ('connector'='print');
INSERT INTO o1
SELECT 
  device_ip, 
  device_timezone,
  iot_timestamp,
  convert_tz(cast(iot_timestamp as string), device_timezone, 'UTC') iot_timestamp_utc,
  status_code
FROM iot_status;
-- expect stdout (unordered):
--| +I[10.0.0.1, America/Los_Angeles, 2020-12-19T13:52:37, 2020-12-19 21:52:37, OK]
--| +I[10.0.0.2, Europe/Rome, 2020-07-19T13:52:37, 2020-07-19 11:52:37, KO]
--| +I[10.0.0.3, Europe/London, 2020-12-19T00:30, 2020-12-19 00:30:00, WARNING]
--| +I[10.0.0.4, Australia/Sydney, 2020-12-19T08:00:00.500, 2020-12-18 21:00:00, OK]
