-- scenario: the examples of Flink's WITH, SELECT & WHERE, SELECT DISTINCT, ORDER BY and LIMIT pages over one Orders table: the orders_with_total CTE summed per order_id (a changelog of updates), SELECT DISTINCT order_id (one insert per new id), streaming ORDER BY order_time, order_id (rows come sorted by the time attribute as the watermark passes them, although they arrived out of order), VALUES (1, 2.0), (2, 3.1) AS t (order_id, price), price + tax WHERE a filter; in batch mode ORDER BY order_time LIMIT 3 and the overview grammar's OFFSET ... FETCH FIRST
-- file: input/orders.csv
--| 1,2020-04-15 08:00:02,10.00,1.00
--| 2,2020-04-15 08:00:01,20.00,2.00
--| 1,2020-04-15 08:00:03,5.00,0.50
--| 3,2020-04-15 08:00:05,7.00,0.70
--| 2,2020-04-15 08:00:04,1.00,0.10
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Orders (order_id INT, order_time TIMESTAMP(3), price DECIMAL(10, 2), tax DECIMAL(10, 2),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE with_sink (order_id INT, total DECIMAL(38, 2)) WITH ('connector' = 'print', 'print-identifier' = 'with');
INSERT INTO with_sink
WITH orders_with_total AS (
    SELECT order_id, price + tax AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;
CREATE TABLE distinct_sink (order_id INT) WITH ('connector' = 'print', 'print-identifier' = 'distinct');
INSERT INTO distinct_sink SELECT DISTINCT order_id FROM Orders;
CREATE TABLE sorted_sink (order_id INT, order_time TIMESTAMP(3), price DECIMAL(10, 2), tax DECIMAL(10, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'sorted');
INSERT INTO sorted_sink
SELECT *
FROM Orders
ORDER BY order_time, order_id;
CREATE TABLE values_sink (order_id INT, price DECIMAL(2, 1)) WITH ('connector' = 'print', 'print-identifier' = 'values');
INSERT INTO values_sink SELECT order_id, price FROM (VALUES (1, 2.0), (2, 3.1))  AS t (order_id, price);
CREATE TABLE where_sink (p DECIMAL(11, 2)) WITH ('connector' = 'print', 'print-identifier' = 'where');
INSERT INTO where_sink SELECT price + tax FROM Orders WHERE order_id = 1;
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE limit_sink (order_id INT, order_time TIMESTAMP(3), price DECIMAL(10, 2), tax DECIMAL(10, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'limit');
INSERT INTO limit_sink
SELECT *
FROM Orders
ORDER BY order_time
LIMIT 3;
CREATE TABLE fetch_sink (order_id INT, order_time TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'fetch');
INSERT INTO fetch_sink SELECT order_id, order_time FROM Orders ORDER BY order_time DESC OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY;
-- expect stdout (ordered):
--| with> +I[1, 11.00]
--| with> +I[2, 22.00]
--| with> -U[1, 11.00]
--| with> +U[1, 16.50]
--| with> +I[3, 7.70]
--| with> -U[2, 22.00]
--| with> +U[2, 23.10]
--| distinct> +I[1]
--| distinct> +I[2]
--| distinct> +I[3]
--| sorted> +I[2, 2020-04-15T08:00:01, 20.00, 2.00]
--| sorted> +I[1, 2020-04-15T08:00:02, 10.00, 1.00]
--| sorted> +I[1, 2020-04-15T08:00:03, 5.00, 0.50]
--| sorted> +I[2, 2020-04-15T08:00:04, 1.00, 0.10]
--| sorted> +I[3, 2020-04-15T08:00:05, 7.00, 0.70]
--| values> +I[1, 2.0]
--| values> +I[2, 3.1]
--| where> +I[11.00]
--| where> +I[5.50]
--| limit> +I[2, 2020-04-15T08:00:01, 20.00, 2.00]
--| limit> +I[1, 2020-04-15T08:00:02, 10.00, 1.00]
--| limit> +I[1, 2020-04-15T08:00:03, 5.00, 0.50]
--| fetch> +I[2, 2020-04-15T08:00:04]
--| fetch> +I[1, 2020-04-15T08:00:03]
