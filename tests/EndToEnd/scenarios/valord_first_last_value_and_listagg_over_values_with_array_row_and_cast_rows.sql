-- scenario: FIRST_VALUE, LAST_VALUE and LISTAGG over a VALUES whose rows hold ARRAY, ROW and CAST values (planned as a union of one-row projections of one VALUES, which Flink chains to the source) see the rows in the written order, every run; the printed changelog is Flink's row-by-row one
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE agg_print (k STRING, first_tag STRING, last_tag STRING, first_arr ARRAY<INT>, last_n INT, tags STRING) WITH ('connector' = 'print', 'print-identifier' = 'agg');
INSERT INTO agg_print SELECT k, FIRST_VALUE(tag), LAST_VALUE(tag), FIRST_VALUE(arr), LAST_VALUE(r.n), LISTAGG(tag) FROM (VALUES
  ('A', CAST('a1' AS VARCHAR(5)), ARRAY[1, 2], CAST(ROW(1, 'x') AS ROW<n INT, t STRING>)),
  ('B', CAST('b1' AS VARCHAR(5)), ARRAY[3], CAST(ROW(2, 'y') AS ROW<n INT, t STRING>)),
  ('A', CAST('a2' AS VARCHAR(5)), ARRAY[4], CAST(ROW(3, 'z') AS ROW<n INT, t STRING>)),
  ('A', CAST('a3' AS VARCHAR(5)), CAST(NULL AS ARRAY<INT>), CAST(ROW(4, 'w') AS ROW<n INT, t STRING>)),
  ('B', CAST('b2' AS VARCHAR(5)), ARRAY[5, 6], CAST(ROW(5, 'v') AS ROW<n INT, t STRING>))) AS t(k, tag, arr, r)
GROUP BY k;
-- expect stdout (ordered):
--| agg> +I[A, a1, a1, [1, 2], 1, a1]
--| agg> +I[B, b1, b1, [3], 2, b1]
--| agg> -U[A, a1, a1, [1, 2], 1, a1]
--| agg> +U[A, a1, a2, [1, 2], 3, a1,a2]
--| agg> -U[A, a1, a2, [1, 2], 3, a1,a2]
--| agg> +U[A, a1, a3, [1, 2], 4, a1,a2,a3]
--| agg> -U[B, b1, b1, [3], 2, b1]
--| agg> +U[B, b1, b2, [3], 5, b1,b2]
