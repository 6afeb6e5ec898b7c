-- scenario: LEFT JOIN UNNEST(...) ON TRUE (and LEFT OUTER JOIN) keeps a row whose collection is NULL or empty once, with NULL element columns (and a NULL ORDINALITY); rows with elements are unnested as by CROSS JOIN UNNEST, a NULL ROW element gives NULL fields
-- file: input/orders.json
--| {"id":1,"tags":["a","b"],"items":[{"sku":"s1","qty":2},null],"attrs":{"gift":"yes"}}
--| {"id":2,"tags":[],"items":[],"attrs":{}}
--| {"id":3,"tags":null,"items":null,"attrs":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, tags ARRAY<STRING>, items ARRAY<ROW<sku STRING, qty INT>>, attrs MAP<STRING, STRING>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'json');
CREATE TABLE tag_sink (id INT, tag STRING, pos INT) WITH ('connector' = 'print');
INSERT INTO tag_sink SELECT o.id, t.tag, t.pos FROM orders AS o LEFT JOIN UNNEST(o.tags) WITH ORDINALITY AS t(tag, pos) ON TRUE;
CREATE TABLE item_sink (id INT, sku STRING, qty INT) WITH ('connector' = 'print');
INSERT INTO item_sink SELECT id, sku, qty * 10 FROM orders LEFT OUTER JOIN UNNEST(items) AS i(sku, qty) ON TRUE;
CREATE TABLE attr_sink (id INT, k STRING, v STRING) WITH ('connector' = 'print');
INSERT INTO attr_sink SELECT id, k, COALESCE(v, 'none') FROM orders LEFT JOIN UNNEST(attrs) AS a(k, v) ON TRUE;
-- expect stdout (unordered):
--| +I[1, a, 1]
--| +I[1, b, 2]
--| +I[2, null, null]
--| +I[3, null, null]
--| +I[1, s1, 20]
--| +I[1, null, null]
--| +I[2, null, null]
--| +I[3, null, null]
--| +I[1, gift, yes]
--| +I[2, null, none]
--| +I[3, null, none]
