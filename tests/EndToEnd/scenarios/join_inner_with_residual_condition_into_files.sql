-- scenario: a regular inner join of two file tables on an equality key with a residual condition (and a filter pushed below it) writes every matching pair once; a NULL key matches nothing
-- file: input/orders.json
--| {"id":1,"customer":10,"amount":5}
--| {"id":2,"customer":10,"amount":50}
--| {"id":3,"customer":20,"amount":7}
--| {"id":4,"customer":null,"amount":9}
--| {"id":5,"customer":30,"amount":100}
-- file: input/customers.json
--| {"cid":10,"name":"ann","min_amount":10}
--| {"cid":20,"name":"bob","min_amount":1}
--| {"cid":20,"name":"bo2","min_amount":8}
--| {"cid":null,"name":"nul","min_amount":0}
--| {"cid":40,"name":"dan","min_amount":0}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, customer BIGINT, amount INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'json');
CREATE TABLE customers (cid INT, name STRING, min_amount INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/customers.json', 'format' = 'json');
CREATE TABLE out (id INT, name STRING, amount INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO out SELECT o.id, c.name, o.amount FROM orders AS o JOIN customers AS c ON o.customer = c.cid AND o.amount >= c.min_amount WHERE c.name <> 'dan';
-- expect files ${SCRATCH}/out (unordered):
--| 2,ann,50
--| 3,bob,7
