-- scenario: csv ARRAY and ROW columns are one field of their elements (a ROW's fields) joined by 'csv.array-element-delimiter' (';' by default), as Flink's csv format (a Jackson array column): read, and written with a NULL element as the null literal and the joined text quoted as any text
-- file: input/items.csv
--| 1,a;b;c,10;x
--| 2,,20;
--| 3,only,30;y
-- file: input/piped.csv
--| 7,p|q
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE items (id INT, tags ARRAY<STRING>, r ROW<n INT, s STRING>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/items.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, tags ARRAY<STRING>, k INT, n INT, s STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, tags, CARDINALITY(tags), r.n, r.s FROM items;
CREATE TABLE piped (id INT, tags ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/piped.csv', 'format' = 'csv',
  'csv.array-element-delimiter' = '|');
CREATE TABLE piped_sink (id INT, second STRING) WITH ('connector' = 'print', 'print-identifier' = 'piped');
INSERT INTO piped_sink SELECT id, tags[2] FROM piped;
CREATE TABLE out_csv (id INT, tags ARRAY<STRING>, nums ARRAY<INT>, r ROW<n INT, ts TIMESTAMP(3)>) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv', 'csv.null-literal' = 'N');
INSERT INTO out_csv VALUES
  (1, ARRAY['a', 'b c'], ARRAY[1, CAST(NULL AS INT), 3], ROW(5, TIMESTAMP '2020-01-01 00:00:00')),
  (2, CAST(NULL AS ARRAY<STRING>), ARRAY[7], ROW(CAST(NULL AS INT), CAST(NULL AS TIMESTAMP(3))));
-- expect stdout (unordered):
--| +I[1, [a, b, c], 3, 10, x]
--| +I[2, null, null, 20, ]
--| +I[3, [only], 1, 30, y]
--| piped> +I[7, q]
-- expect files ${SCRATCH}/out (unordered):
--| 1,"a;b c",1;N;3,"5;2020-01-01 00:00:00"
--| 2,N,7,N;N
