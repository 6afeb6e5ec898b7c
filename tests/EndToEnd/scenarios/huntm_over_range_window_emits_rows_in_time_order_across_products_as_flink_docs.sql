-- scenario: the Over Aggregation page's query (SUM(amount) per product over the hour up to each order, RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW, the lower bound inclusive) and its WINDOW w AS (...) form with SUM and AVG: each order gets one row; Flink's bounded OVER functions register a timer per row time, so at parallelism 1 the rows leave in time order across products (not product by product)
-- file: input/orders.csv
--| 1,2020-04-15 08:00:00,10.00,apple
--| 2,2020-04-15 08:20:00,20.00,apple
--| 3,2020-04-15 08:30:00,5.00,pear
--| 4,2020-04-15 09:10:00,7.00,apple
--| 5,2020-04-15 09:15:00,1.00,pear
--| 6,2020-04-15 09:20:00,2.00,apple
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Orders (order_id INT, order_time TIMESTAMP(3), amount DECIMAL(10, 2), product STRING,
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE hour_sums (order_id INT, order_time TIMESTAMP(3), amount DECIMAL(10, 2), one_hour_prod_amount_sum DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'sum');
CREATE TABLE hour_stats (order_id INT, sum_amount DECIMAL(38, 2), avg_amount DECIMAL(38, 6))
  WITH ('connector' = 'print', 'print-identifier' = 'w');
INSERT INTO hour_sums
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
INSERT INTO hour_stats
SELECT order_id,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);
-- expect stdout (ordered):
--| sum> +I[1, 2020-04-15T08:00, 10.00, 10.00]
--| sum> +I[2, 2020-04-15T08:20, 20.00, 30.00]
--| sum> +I[3, 2020-04-15T08:30, 5.00, 5.00]
--| sum> +I[4, 2020-04-15T09:10, 7.00, 27.00]
--| sum> +I[5, 2020-04-15T09:15, 1.00, 6.00]
--| sum> +I[6, 2020-04-15T09:20, 2.00, 29.00]
--| w> +I[1, 10.00, 10.000000]
--| w> +I[2, 30.00, 15.000000]
--| w> +I[3, 5.00, 5.000000]
--| w> +I[4, 27.00, 13.500000]
--| w> +I[5, 6.00, 3.000000]
--| w> +I[6, 29.00, 9.666667]
