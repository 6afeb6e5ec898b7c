-- scenario: WHERE keeps only rows whose condition is TRUE: a NULL comparison passes neither the condition nor its negation
-- file: input/orders.json
--| {"id":1,"qty":10}
--| {"id":2,"qty":3}
--| {"id":3,"qty":null}
--| {"id":4}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'json');
CREATE TABLE gt (id INT, qty INT) WITH ('connector' = 'print', 'print-identifier' = 'gt');
CREATE TABLE not_gt (id INT, qty INT) WITH ('connector' = 'print', 'print-identifier' = 'not_gt');
INSERT INTO gt SELECT id, qty FROM orders WHERE qty > 5;
INSERT INTO not_gt SELECT id, qty FROM orders WHERE NOT (qty > 5);
-- expect stdout (unordered):
--| gt> +I[1, 10]
--| not_gt> +I[2, 3]
