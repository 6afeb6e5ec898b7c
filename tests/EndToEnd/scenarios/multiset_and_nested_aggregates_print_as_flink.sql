-- scenario: COLLECT's MULTISET prints as Flink's Map of element to count ({a=2, b=1}); FIRST_VALUE, LAST_VALUE and ARRAY_AGG take ROW and ARRAY values; a field of a grouped ROW can be selected
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY VIEW v AS SELECT k, s, CAST(r AS ROW<n INT, t STRING>) AS r, a FROM (VALUES
  (1, 'a', ROW(1, 'x'), ARRAY[1, 2]),
  (1, 'a', ROW(2, 'y'), ARRAY[3]),
  (1, 'b', ROW(1, 'x'), ARRAY[4]),
  (2, CAST(NULL AS STRING), ROW(3, 'z'), CAST(NULL AS ARRAY<INT>))) AS t(k, s, r, a);
CREATE TABLE out (k INT, ms MULTISET<STRING>, fr ROW<n INT, t STRING>, la ARRAY<INT>, rows_seen ARRAY<ROW<n INT, t STRING>>) WITH ('connector' = 'print', 'print-identifier' = 'agg');
INSERT INTO out SELECT k, COLLECT(s), FIRST_VALUE(r), LAST_VALUE(a), ARRAY_AGG(r) FROM v GROUP BY k;
CREATE TABLE fields (t STRING, c BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'field');
INSERT INTO fields SELECT r.t, COUNT(*) FROM v GROUP BY r;
-- expect stdout (unordered):
--| agg> +I[1, {a=2, b=1}, +I[1, x], [4], [+I[1, x], +I[2, y], +I[1, x]]]
--| agg> +I[2, {}, +I[3, z], null, [+I[3, z]]]
--| field> +I[x, 2]
--| field> +I[y, 1]
--| field> +I[z, 1]
