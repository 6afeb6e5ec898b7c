-- scenario: Flink's Joins page, the regular INNER and LEFT / RIGHT / FULL OUTER equi-joins of Orders and Product in batch mode (the final rows: an order of a missing product padded on the right, a product nobody ordered padded on the left); in streaming the retractions of padded rows depend on how the two inputs interleave, which Flink does not fix either
-- file: input/orders.csv
--| 100,1
--| 101,3
--| 102,2
--| 103,1
-- file: input/product.csv
--| 1,apple
--| 2,pear
--| 4,plum
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE Orders (order_id INT, product_id INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE Product (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/product.csv', 'format' = 'csv');
CREATE TABLE inner_sink (order_id INT, product_id INT, id INT, name STRING) WITH ('connector' = 'print', 'print-identifier' = 'inner');
CREATE TABLE left_sink (order_id INT, product_id INT, id INT, name STRING) WITH ('connector' = 'print', 'print-identifier' = 'left');
CREATE TABLE right_sink (order_id INT, product_id INT, id INT, name STRING) WITH ('connector' = 'print', 'print-identifier' = 'right');
CREATE TABLE full_sink (order_id INT, product_id INT, id INT, name STRING) WITH ('connector' = 'print', 'print-identifier' = 'full');
INSERT INTO inner_sink
SELECT *
FROM Orders
INNER JOIN Product
ON Orders.product_id = Product.id;
INSERT INTO left_sink
SELECT *
FROM Orders
LEFT JOIN Product
ON Orders.product_id = Product.id;
INSERT INTO right_sink
SELECT *
FROM Orders
RIGHT JOIN Product
ON Orders.product_id = Product.id;
INSERT INTO full_sink
SELECT *
FROM Orders
FULL OUTER JOIN Product
ON Orders.product_id = Product.id;
-- expect stdout (unordered):
--| inner> +I[100, 1, 1, apple]
--| inner> +I[103, 1, 1, apple]
--| inner> +I[102, 2, 2, pear]
--| left> +I[100, 1, 1, apple]
--| left> +I[103, 1, 1, apple]
--| left> +I[102, 2, 2, pear]
--| left> +I[101, 3, null, null]
--| right> +I[100, 1, 1, apple]
--| right> +I[103, 1, 1, apple]
--| right> +I[102, 2, 2, pear]
--| right> +I[null, null, 4, plum]
--| full> +I[100, 1, 1, apple]
--| full> +I[103, 1, 1, apple]
--| full> +I[102, 2, 2, pear]
--| full> +I[101, 3, null, null]
--| full> +I[null, null, 4, plum]
