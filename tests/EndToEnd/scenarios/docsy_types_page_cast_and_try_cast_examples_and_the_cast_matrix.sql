-- scenario: Flink's Data Types page, Casting: CAST('42' AS INT) is 42 of type INT NOT NULL, CAST(NULL AS VARCHAR) a NULL of the (nullable) string type, TRY_CAST('42' AS INT) 42 of nullable INT, TRY_CAST('non-number' AS INT) NULL, COALESCE(TRY_CAST('non-number' AS INT), 0) 0 of INT NOT NULL; and entries of the page's cast matrix marked Y: BOOLEAN to DECIMAL and INT, integers to BOOLEAN, DATE/TIME to TIMESTAMP, TIMESTAMP to DATE and TIME, DECIMAL to integers (truncated), strings to CHAR(n) (trimmed and padded, note 1), a year-month INTERVAL to INT (months, note 5) and a day-time INTERVAL to BIGINT (milliseconds, note 6)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE examples WITH ('connector' = 'print', 'print-identifier' = 'cast') AS SELECT
  CAST('42' AS INT) AS a1, TYPEOF(CAST('42' AS INT)) AS a2, CAST(NULL AS VARCHAR) AS a3, TYPEOF(CAST(NULL AS VARCHAR)) AS a4,
  TRY_CAST('42' AS INT) AS b1, TYPEOF(TRY_CAST('42' AS INT)) AS b2, TRY_CAST('non-number' AS INT) AS b3,
  COALESCE(TRY_CAST('non-number' AS INT), 0) AS b4, TYPEOF(COALESCE(TRY_CAST('non-number' AS INT), 0)) AS b5;
CREATE TABLE matrix WITH ('connector' = 'print', 'print-identifier' = 'matrix') AS SELECT
  CAST(TRUE AS DECIMAL(3, 1)) AS m1, CAST(TRUE AS INT) AS m2, CAST(0 AS BOOLEAN) AS m3, CAST(7 AS BOOLEAN) AS m4,
  CAST(DATE '2020-01-02' AS TIMESTAMP(3)) AS m5, CAST(TIME '10:11:12' AS TIMESTAMP(0)) AS m6, CAST(TIMESTAMP '2020-01-02 10:11:12.5' AS DATE) AS m7,
  CAST(TIMESTAMP '2020-01-02 10:11:12.5' AS TIME) AS m8, CAST(12.9 AS INT) AS m9, CAST(-12.9 AS BIGINT) AS m10,
  CAST('abcde' AS CHAR(3)) AS m11, CAST('ab' AS CHAR(4)) AS m12,
  CAST(INTERVAL '3' YEAR AS INT) AS m13, CAST(INTERVAL '2' DAY AS BIGINT) AS m14;
-- expect stdout (unordered):
--| cast> +I[42, INT NOT NULL, null, STRING, 42, INT, null, 0, INT NOT NULL]
--| matrix> +I[1.0, 1, false, true, 2020-01-02T00:00, 1970-01-01T10:11:12, 2020-01-02, 10:11:12, 12, -12, abc, ab  , 36, 172800000]
