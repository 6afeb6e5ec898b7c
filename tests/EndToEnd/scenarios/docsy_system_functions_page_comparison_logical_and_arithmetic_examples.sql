-- scenario: Flink's System (Built-in) Functions page, the E.g. results of the comparison, logical and arithmetic functions: IS [NOT] DISTINCT FROM with NULL, IN / NOT IN with a NULL in the list (UNKNOWN prints null), TRUE OR/AND NULL, BIN(4) 100 and BIN(12) 1100, HEX(20) 14, HEX(100) 64, HEX('hello,world'), TRUNCATE(42.324, 2) 42.32 and TRUNCATE(42.324) 42 (the docs' 42.0 is the Table API's double; SQL's DECIMAL(5, 3) literal truncates to DECIMAL(3, 0) as Flink's findRoundDecimalType says)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE cmp WITH ('connector' = 'print', 'print-identifier' = 'cmp') AS SELECT
  1 IS DISTINCT FROM NULL AS a1, NULL IS DISTINCT FROM NULL AS a2, 1 IS NOT DISTINCT FROM NULL AS a3, NULL IS NOT DISTINCT FROM NULL AS a4,
  4 IN (1, 2, 3) AS b1, 1 IN (1, 2, NULL) AS b2, 4 IN (1, 2, NULL) AS b3,
  4 NOT IN (1, 2, 3) AS c1, 1 NOT IN (1, 2, NULL) AS c2, 4 NOT IN (1, 2, NULL) AS c3,
  TRUE OR CAST(NULL AS BOOLEAN) AS d1, TRUE AND CAST(NULL AS BOOLEAN) AS d2;
CREATE TABLE arith WITH ('connector' = 'print', 'print-identifier' = 'arith') AS SELECT
  BIN(4) AS a1, BIN(12) AS a2, HEX(20) AS a3, HEX(100) AS a4, HEX('hello,world') AS a5,
  TRUNCATE(42.324, 2) AS a6, TRUNCATE(42.324) AS a7;
-- expect stdout (unordered):
--| cmp> +I[true, false, false, true, false, true, null, true, false, null, true, null]
--| arith> +I[100, 1100, 14, 64, 68656C6C6F2C776F726C64, 42.32, 42]
