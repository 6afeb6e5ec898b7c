-- scenario: a VALUES with ARRAY, ROW and CAST values inserted into a print sink (cast to the sink's types) prints its rows in the written order, also under a WHERE; LIMIT without ORDER BY keeps the first written rows and a keep-first-row dedup over proctime the first written row of each key, every run
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE typed_print (id BIGINT, price DECIMAL(10, 2), tags ARRAY<STRING>, info ROW<n INT, t STRING>) WITH ('connector' = 'print', 'print-identifier' = 'typed');
INSERT INTO typed_print VALUES
  (1, CAST('1.5' AS DECIMAL(10, 2)), ARRAY['a', 'b'], CAST(ROW(1, 'x') AS ROW<n INT, t STRING>)),
  (2, 2.25, ARRAY['c'], CAST(ROW(2, 'y') AS ROW<n INT, t STRING>)),
  (3, CAST(NULL AS DECIMAL(10, 2)), CAST(NULL AS ARRAY<STRING>), CAST(ROW(3, 'z') AS ROW<n INT, t STRING>)),
  (4, 10, ARRAY['d', 'e', 'f'], CAST(ROW(4, 'w') AS ROW<n INT, t STRING>));
CREATE TABLE where_print (id INT, tags ARRAY<INT>) WITH ('connector' = 'print', 'print-identifier' = 'where');
INSERT INTO where_print SELECT * FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2, 3]), (3, ARRAY[4]), (4, ARRAY[5, 6, 7]), (5, ARRAY[8, 9])) AS t(id, tags) WHERE CARDINALITY(tags) > 1;
CREATE TABLE limit_print (id INT, tags ARRAY<INT>) WITH ('connector' = 'print', 'print-identifier' = 'limit');
INSERT INTO limit_print SELECT * FROM (VALUES (1, ARRAY[1]), (2, ARRAY[2]), (3, ARRAY[3])) AS t(id, tags) LIMIT 2;
CREATE TABLE dedup_print (k STRING, v ARRAY<INT>) WITH ('connector' = 'print', 'print-identifier' = 'dedup');
INSERT INTO dedup_print SELECT k, v FROM (
  SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt) AS rn FROM (
    SELECT k, v, PROCTIME() AS pt FROM (VALUES ('A', ARRAY[1]), ('B', ARRAY[2]), ('A', ARRAY[3]), ('B', ARRAY[4])) AS t(k, v)))
WHERE rn = 1;
-- expect stdout (ordered):
--| typed> +I[1, 1.50, [a, b], +I[1, x]]
--| typed> +I[2, 2.25, [c], +I[2, y]]
--| typed> +I[3, null, null, +I[3, z]]
--| typed> +I[4, 10.00, [d, e, f], +I[4, w]]
--| where> +I[2, [2, 3]]
--| where> +I[4, [5, 6, 7]]
--| where> +I[5, [8, 9]]
--| limit> +I[1, [1]]
--| limit> +I[2, [2]]
--| dedup> +I[A, [1]]
--| dedup> +I[B, [2]]
