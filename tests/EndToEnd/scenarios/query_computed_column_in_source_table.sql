-- scenario: a computed column is evaluated for every row read, is part of SELECT *, and can be filtered on
-- file: input/orders.csv
--| 1,2,5
--| 2,1,3
--| 3,4,4
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, qty INT, unit_price INT, total AS qty * unit_price) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, qty INT, unit_price INT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT * FROM orders WHERE total > 5;
-- expect stdout (unordered):
--| +I[1, 2, 5, 10]
--| +I[3, 4, 4, 16]
