-- scenario: the json format reads nested objects into ROW and MAP columns and arrays into ARRAY columns (NULL and empty kept apart), and the json sink writes them back the same way
-- file: input/orders.json
--| {"id":1,"customer":{"name":"ann","tier":2},"items":[{"sku":"a1","qty":2},{"sku":"b2","qty":1}],"attrs":{"gift":"yes"},"tags":["x","y"]}
--| {"id":2,"customer":null,"items":[],"attrs":{},"tags":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, customer ROW<name STRING, tier INT>, items ARRAY<ROW<sku STRING, qty INT>>, attrs MAP<STRING, STRING>, tags ARRAY<STRING>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'json');
CREATE TABLE out_json (id INT, customer ROW<name STRING, tier INT>, items ARRAY<ROW<sku STRING, qty INT>>, attrs MAP<STRING, STRING>, tags ARRAY<STRING>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'json');
INSERT INTO out_json SELECT * FROM orders;
CREATE TABLE print_sink (id INT, name STRING, second_sku STRING, qty INT, gift STRING, n INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, customer.name, items[2].sku, items[1].qty, attrs['gift'], CARDINALITY(items) FROM orders;
-- expect files ${SCRATCH}/out (unordered):
--| {"id":1,"customer":{"name":"ann","tier":2},"items":[{"sku":"a1","qty":2},{"sku":"b2","qty":1}],"attrs":{"gift":"yes"},"tags":["x","y"]}
--| {"id":2,"customer":null,"items":[],"attrs":{},"tags":null}
-- expect stdout (unordered):
--| +I[1, ann, b2, 2, yes, 2]
--| +I[2, null, null, null, null, 0]
