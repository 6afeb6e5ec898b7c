-- scenario: the SQL client's result table shows TIMESTAMP(9) and TIMESTAMP_LTZ(9) with all nine fraction digits
-- sql:
SET 'table.local-time-zone' = 'UTC';
SELECT TIMESTAMP '2021-04-13 20:12:11.123456789' AS ts9, CAST(TIMESTAMP '2021-04-13 20:12:11.123456789' AS TIMESTAMP_LTZ(9)) AS ltz9,
  CAST(TIMESTAMP '2021-04-13 20:12:11.123456789' AS TIMESTAMP(7)) AS ts7;
-- expect stdout (all, unordered, contains):
--| | op |                           ts9 |                          ltz9 |                           ts7 |
--| | +I | 2021-04-13 20:12:11.123456789 | 2021-04-13 20:12:11.123456789 |   2021-04-13 20:12:11.1234567 |
