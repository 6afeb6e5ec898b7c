-- scenario: Flink's OVER Aggregation page: SUM(amount) OVER (PARTITION BY product ORDER BY order_time RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) (a row exactly one hour older is still inside, one an hour and a second older is not), the same window named in a WINDOW clause for SUM and AVG (AVG of INT stays INT), and a ROWS BETWEEN 2 PRECEDING AND CURRENT ROW count window; then the Group Aggregation page's streaming HAVING SUM(amount) > 50 per user (the filter passes only the update that crosses 50, as +U) and COUNT(DISTINCT ...) (an unchanged count emits nothing)
-- file: input/orders.csv
--| 1,2020-04-15 08:00:00,apple,10,alice
--| 2,2020-04-15 08:30:00,apple,20,bob
--| 3,2020-04-15 08:45:00,pear,5,alice
--| 4,2020-04-15 09:00:00,apple,30,alice
--| 5,2020-04-15 09:30:01,apple,40,carol
--| 6,2020-04-15 09:40:00,pear,7,bob
--| 7,2020-04-15 10:00:00,apple,50,bob
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Orders (order_id INT, order_time TIMESTAMP(3), product STRING, amount INT, users STRING,
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE range_sink (order_id INT, order_time TIMESTAMP(3), amount INT, one_hour_prod_amount_sum INT)
  WITH ('connector' = 'print', 'print-identifier' = 'range');
INSERT INTO range_sink
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
CREATE TABLE window_sink (order_id INT, order_time TIMESTAMP(3), amount INT, sum_amount INT, avg_amount INT)
  WITH ('connector' = 'print', 'print-identifier' = 'window');
INSERT INTO window_sink
SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW);
CREATE TABLE rows_sink (order_id INT, amount INT, s INT, c BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'rows');
INSERT INTO rows_sink
SELECT order_id, amount, SUM(amount) OVER w, COUNT(*) OVER w
FROM Orders
WINDOW w AS (ORDER BY order_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);
CREATE TABLE having_sink (s INT) WITH ('connector' = 'print', 'print-identifier' = 'having');
INSERT INTO having_sink
SELECT SUM(amount)
FROM Orders
GROUP BY users
HAVING SUM(amount) > 50;
CREATE TABLE distinct_sink (c BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'distinct');
INSERT INTO distinct_sink SELECT COUNT(DISTINCT product) FROM Orders;
-- expect stdout (unordered):
--| range> +I[1, 2020-04-15T08:00, 10, 10]
--| range> +I[2, 2020-04-15T08:30, 20, 30]
--| range> +I[3, 2020-04-15T08:45, 5, 5]
--| range> +I[4, 2020-04-15T09:00, 30, 60]
--| range> +I[5, 2020-04-15T09:30:01, 40, 70]
--| range> +I[6, 2020-04-15T09:40, 7, 12]
--| range> +I[7, 2020-04-15T10:00, 50, 120]
--| window> +I[1, 2020-04-15T08:00, 10, 10, 10]
--| window> +I[2, 2020-04-15T08:30, 20, 30, 15]
--| window> +I[3, 2020-04-15T08:45, 5, 5, 5]
--| window> +I[4, 2020-04-15T09:00, 30, 60, 20]
--| window> +I[5, 2020-04-15T09:30:01, 40, 70, 35]
--| window> +I[6, 2020-04-15T09:40, 7, 12, 6]
--| window> +I[7, 2020-04-15T10:00, 50, 120, 40]
--| rows> +I[1, 10, 10, 1]
--| rows> +I[2, 20, 30, 2]
--| rows> +I[3, 5, 35, 3]
--| rows> +I[4, 30, 55, 3]
--| rows> +I[5, 40, 75, 3]
--| rows> +I[6, 7, 77, 3]
--| rows> +I[7, 50, 97, 3]
--| having> +U[77]
--| distinct> +I[1]
--| distinct> -U[1]
--| distinct> +U[2]
