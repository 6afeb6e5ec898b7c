-- scenario: table.local-time-zone refuses 'UTC+8' (java.util.TimeZone and java.time.ZoneId read it differently) with Flink's TableConfig message
-- sql:
SET 'table.local-time-zone' = 'UTC+8';
SELECT 1;
-- expect exit: non-zero
-- expect error: Invalid time zone. The value should be a Time Zone Database (TZDB) ID such as 'America/Los_Angeles' to include daylight saving time. Fixed offsets are supported using 'GMT-03:00' or 'GMT+03:00'.
