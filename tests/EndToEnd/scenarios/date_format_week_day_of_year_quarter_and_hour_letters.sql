-- scenario: DATE_FORMAT prints DateTimeFormatter's letters that have no .NET twin as Flink does under the en_US locale: D day of year, w/Y week and year of the Sunday-first week-based year (Dec 30 2024 is in week 1 of 2025), W week of month, e day of week (Sunday 1), Q quarter, k clock hour 1-24, K hour 0-11, G era, A milli of day, n nano of second; EXTRACT(EPOCH) truncates toward zero as Flink
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (a STRING, b STRING, c STRING, e BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT
  DATE_FORMAT(TIMESTAMP '2024-12-30 00:04:05.123456', 'YYYY-ww D DDD W e eee Q QQQ QQQQ k K G A n u'),
  DATE_FORMAT(TIMESTAMP '2021-01-01 13:00:00', 'YYYY-ww D w e E kk KK'),
  DATE_FORMAT(TIMESTAMP '2024-03-15 12:00:00', 'yyyy-MM-dd ''w''w DD'),
  EXTRACT(EPOCH FROM TIMESTAMP '1969-12-31 23:59:59.5');
-- expect stdout (unordered):
--| +I[2025-01 365 365 5 2 Mon 4 Q4 4th quarter 24 0 AD 245123 123456000 2024, 2021-01 1 1 6 Fri 13 01, 2024-03-15 w11 75, 0]
