-- scenario: subqueries nested in FROM are evaluated inside out, with aliases and filters at each level
-- file: input/orders.csv
--| 1,2,5
--| 2,1,3
--| 3,4,4
--| 4,3,7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, qty INT, unit_price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT t2.id, t2.total
FROM (
  SELECT id, total
  FROM (SELECT id, qty * unit_price AS total FROM orders) AS t1
  WHERE total >= 10
) AS t2
WHERE t2.id <> 3;
-- expect stdout (unordered):
--| +I[1, 10]
--| +I[4, 21]
