-- scenario: Flink's System (Built-in) Functions page, NTILE(n): "with 6 rows and 4 buckets, the bucket values would be as follows: 1 1 2 2 3 4" (batch OVER window ordered by x)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE ntile WITH ('connector' = 'print', 'print-identifier' = 'ntile') AS SELECT
 x, NTILE(4) OVER (ORDER BY x) AS b FROM (VALUES (1), (2), (3), (4), (5), (6)) AS t(x);
-- expect stdout (unordered):
--| ntile> +I[1, 1]
--| ntile> +I[2, 1]
--| ntile> +I[3, 2]
--| ntile> +I[4, 2]
--| ntile> +I[5, 3]
--| ntile> +I[6, 4]
