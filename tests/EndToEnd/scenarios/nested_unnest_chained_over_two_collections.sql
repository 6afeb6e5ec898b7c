-- scenario: UNNESTs chain: t CROSS JOIN UNNEST(t.a) CROSS JOIN UNNEST(t.b) gives every pair of elements of a row, a LEFT JOIN UNNEST after a CROSS JOIN UNNEST keeps the pairs without elements, and a later UNNEST may read an earlier one's element (an ARRAY of ARRAYs)
-- file: input/orders.json
--| {"id":1,"tags":["a","b"],"skus":["s1","s2"],"grid":[[1,2],[3]]}
--| {"id":2,"tags":["c"],"skus":[],"grid":[[]]}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, tags ARRAY<STRING>, skus ARRAY<STRING>, grid ARRAY<ARRAY<INT>>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'json');
CREATE TABLE pairs (id INT, tag STRING, sku STRING) WITH ('connector' = 'print', 'print-identifier' = 'cross');
INSERT INTO pairs SELECT o.id, t.tag, s.sku FROM orders AS o CROSS JOIN UNNEST(o.tags) AS t(tag) CROSS JOIN UNNEST(o.skus) AS s(sku);
CREATE TABLE kept (id INT, tag STRING, sku STRING) WITH ('connector' = 'print', 'print-identifier' = 'left');
INSERT INTO kept SELECT o.id, t.tag, s.sku FROM orders AS o CROSS JOIN UNNEST(o.tags) AS t(tag) LEFT JOIN UNNEST(o.skus) AS s(sku) ON TRUE;
CREATE TABLE cells (id INT, r INT, v INT) WITH ('connector' = 'print', 'print-identifier' = 'grid');
INSERT INTO cells SELECT id, r, v FROM orders, UNNEST(grid) WITH ORDINALITY AS g(cells, r), UNNEST(g.cells) AS c(v);
-- expect stdout (unordered):
--| cross> +I[1, a, s1]
--| cross> +I[1, a, s2]
--| cross> +I[1, b, s1]
--| cross> +I[1, b, s2]
--| left> +I[1, a, s1]
--| left> +I[1, a, s2]
--| left> +I[1, b, s1]
--| left> +I[1, b, s2]
--| left> +I[2, c, null]
--| grid> +I[1, 1, 1]
--| grid> +I[1, 1, 2]
--| grid> +I[1, 2, 3]
