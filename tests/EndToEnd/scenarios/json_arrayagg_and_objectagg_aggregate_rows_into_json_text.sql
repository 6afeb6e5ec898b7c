-- scenario: JSON_ARRAYAGG and JSON_OBJECTAGG aggregate a group's rows into JSON text (Flink's docs example: '["Apple","Banana","Orange"]' and '{"Apple":2,"Banana":17,"Orange":0}'), one final row per group in batch mode; ABSENT ON NULL is the array's default, NULL ON NULL the object's
-- file: input/orders.csv
--| Apple,2,fruit
--| Banana,17,fruit
--| Orange,0,fruit
--| Kale,,leaf
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE orders (product STRING, cnt INT, kind STRING) WITH ('connector' = 'filesystem', 'path' = 'input/orders.csv', 'format' = 'csv');
CREATE TABLE print_sink (kind STRING, products STRING, counts STRING, by_product STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT kind, JSON_ARRAYAGG(product), JSON_ARRAYAGG(cnt), JSON_OBJECTAGG(KEY product VALUE cnt)
FROM orders GROUP BY kind;
-- expect stdout (unordered):
--| +I[fruit, ["Apple","Banana","Orange"], [2,17,0], {"Apple":2,"Banana":17,"Orange":0}]
--| +I[leaf, ["Kale"], [], {"Kale":null}]
