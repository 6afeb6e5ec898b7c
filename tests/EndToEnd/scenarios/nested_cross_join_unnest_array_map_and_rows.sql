-- scenario: CROSS JOIN UNNEST gives each row once per element (none for a NULL or empty collection): an ARRAY as one column, WITH ORDINALITY numbering from 1, an ARRAY of ROWs as the rows' fields, a MAP as key and value; the comma form and filters on the element work
-- file: input/orders.json
--| {"id":1,"tags":["a","b","c"],"items":[{"sku":"s1","qty":2},{"sku":"s2","qty":5}],"attrs":{"gift":"yes"}}
--| {"id":2,"tags":[],"items":null,"attrs":{}}
--| {"id":3,"tags":null,"items":[{"sku":"s3","qty":1}],"attrs":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, tags ARRAY<STRING>, items ARRAY<ROW<sku STRING, qty INT>>, attrs MAP<STRING, STRING>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'json');
CREATE TABLE tag_sink (id INT, tag STRING, pos INT) WITH ('connector' = 'print');
INSERT INTO tag_sink SELECT o.id, t.tag, t.pos FROM orders AS o CROSS JOIN UNNEST(o.tags) WITH ORDINALITY AS t(tag, pos) WHERE t.tag <> 'b';
CREATE TABLE item_sink (id INT, sku STRING, qty INT) WITH ('connector' = 'print');
INSERT INTO item_sink SELECT id, sku, qty * 10 FROM orders, UNNEST(items) AS i(sku, qty);
CREATE TABLE attr_sink (id INT, k STRING, v STRING) WITH ('connector' = 'print');
INSERT INTO attr_sink SELECT id, k, v FROM orders CROSS JOIN UNNEST(attrs) AS a(k, v);
-- expect stdout (unordered):
--| +I[1, a, 1]
--| +I[1, c, 3]
--| +I[1, s1, 20]
--| +I[1, s2, 50]
--| +I[3, s3, 10]
--| +I[1, gift, yes]
