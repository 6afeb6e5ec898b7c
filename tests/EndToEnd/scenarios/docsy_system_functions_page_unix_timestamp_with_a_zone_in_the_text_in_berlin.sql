-- scenario: Flink's System (Built-in) Functions page, UNIX_TIMESTAMP in 'Europe/Berlin': '1970-01-01 08:00:01.001' read in the session zone is 25201; with a zone in the text parsed by X ('+0800') the text's zone wins and it is 1; the zone text left over by a format without X is ignored (25201); a format asking for a zone the text lacks gives Long.MIN_VALUE (before: the parsed +0800 was ignored and the Berlin wall clock shifted again, giving -3599)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'Europe/Berlin';
CREATE TABLE ux WITH ('connector' = 'print', 'print-identifier' = 'ux') AS SELECT
  UNIX_TIMESTAMP('1970-01-01 08:00:01.001', 'yyyy-MM-dd HH:mm:ss.SSS') AS u1,
  UNIX_TIMESTAMP('1970-01-01 08:00:01.001 +0800', 'yyyy-MM-dd HH:mm:ss.SSS X') AS u2,
  UNIX_TIMESTAMP('1970-01-01 08:00:01.001 +0800', 'yyyy-MM-dd HH:mm:ss.SSS') AS u3,
  UNIX_TIMESTAMP('1970-01-01 08:00:01.001', 'yyyy-MM-dd HH:mm:ss.SSS X') AS u4,
  UNIX_TIMESTAMP('1970-01-01 08:00:01 +05:30', 'yyyy-MM-dd HH:mm:ss XXX') AS u5,
  UNIX_TIMESTAMP('1970-01-01 08:00:01 Z', 'yyyy-MM-dd HH:mm:ss X') AS u6,
  UNIX_TIMESTAMP('1970-01-01 08:00:01 -0100', 'yyyy-MM-dd HH:mm:ss Z') AS u7;
-- expect stdout (unordered):
--| ux> +I[25201, 1, 25201, -9223372036854775808, 9001, 28801, 32401]
