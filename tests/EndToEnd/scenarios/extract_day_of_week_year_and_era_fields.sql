-- scenario: EXTRACT takes Calcite's day and era fields besides the interval units (Flink's docs: DAYOFWEEK(DATE '1994-09-27') is EXTRACT(DOW ...) = 3, DAYOFYEAR is EXTRACT(DOY ...) = 270); ISODOW counts Sunday as 7, ISOYEAR is the ISO week's year, EPOCH whole seconds since 1970, NANOSECOND the nanoseconds within the second (every digit of a TIMESTAMP(9)), as Flink's ExtractFunctionITCase
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (dow BIGINT, doy BIGINT, dayofweek BIGINT, isodow BIGINT, isoyear BIGINT, decade BIGINT, century BIGINT, millennium BIGINT, epoch BIGINT, nanos BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT
  EXTRACT(DOW FROM DATE '1994-09-27'),
  EXTRACT(doy FROM TIMESTAMP '1994-09-27 13:14:15'),
  DAYOFWEEK(DATE '1994-09-27'),
  EXTRACT(ISODOW FROM DATE '1994-09-25'),
  EXTRACT(ISOYEAR FROM DATE '2021-01-01'),
  EXTRACT(DECADE FROM DATE '1994-09-27'),
  EXTRACT(CENTURY FROM DATE '2000-12-31'),
  EXTRACT(MILLENNIUM FROM DATE '2001-01-01'),
  EXTRACT(EPOCH FROM TIMESTAMP '1970-01-02 00:00:01'),
  EXTRACT(NANOSECOND FROM TIMESTAMP '2024-01-01 12:00:05.123456789');
-- expect stdout (unordered):
--| +I[3, 270, 3, 7, 2020, 199, 20, 3, 86401, 123456789]
