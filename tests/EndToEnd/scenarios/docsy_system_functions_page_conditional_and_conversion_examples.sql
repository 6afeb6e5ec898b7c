-- scenario: Flink's System (Built-in) Functions page, the E.g. results of the conditional and conversion functions: NULLIF(5, 5) NULL and NULLIF(5, 0) 5, COALESCE(NULL, 'default'), IF(5 > 3, 5, 3) 5, CAST('42' AS INT) 42, CAST(NULL AS STRING) NULL, TRY_CAST('42' AS INT) 42, TRY_CAST(NULL AS STRING) NULL, TRY_CAST('non-number' AS INT) NULL, COALESCE(TRY_CAST('non-number' AS INT), 0) 0
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE cond WITH ('connector' = 'print', 'print-identifier' = 'cond') AS SELECT
  NULLIF(5, 5) AS c1, NULLIF(5, 0) AS c2, COALESCE(NULL, 'default') AS c3, IF(5 > 3, 5, 3) AS c4,
  CAST('42' AS INT) AS c5, CAST(NULL AS STRING) AS c6, TRY_CAST('42' AS INT) AS c7, TRY_CAST(NULL AS STRING) AS c8,
  TRY_CAST('non-number' AS INT) AS c9, COALESCE(TRY_CAST('non-number' AS INT), 0) AS c10;
-- expect stdout (unordered):
--| cond> +I[null, 5, default, 5, 42, null, 42, null, null, 0]
