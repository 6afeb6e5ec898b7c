-- scenario: Flink's Deduplication page: ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) = 1 keeps the first row of each order_id (later duplicates give nothing); and the Versioned Tables page's versioned view over the append-only currency_rates (ORDER BY update_time DESC, keep the last row): each newer rate of a currency retracts the previous one (-U/+U). The page's changelog lists a Euro 116 row at 10:45 that its input table does not have; this follows the input table
-- file: input/orders.csv
--| o1,2020-04-15 08:00:00,alice,apple,2
--| o2,2020-04-15 08:01:00,bob,pear,1
--| o1,2020-04-15 08:02:00,alice,apple,3
--| o3,2020-04-15 08:03:00,carol,plum,5
--| o2,2020-04-15 08:04:00,bob,pear,9
-- file: input/rates.csv
--| 2020-04-15 09:00:00,Yen,102
--| 2020-04-15 09:00:00,Euro,114
--| 2020-04-15 09:00:00,USD,1
--| 2020-04-15 11:15:00,Euro,119
--| 2020-04-15 11:49:00,Pounds,108
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Orders (
  order_id    STRING,
  order_time  STRING,
  `user`      STRING,
  product     STRING,
  num         BIGINT,
  proctime AS PROCTIME()
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE first_orders (order_id STRING, `user` STRING, product STRING, num BIGINT)
  WITH ('connector' = 'print', 'print-identifier' = 'first');
-- remove duplicate rows on order_id and keep the first occurrence row
INSERT INTO first_orders
SELECT order_id, `user`, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proctime ASC) AS row_num
  FROM Orders)
WHERE row_num = 1;
CREATE TABLE currency_rates (
  update_time   TIMESTAMP(3),
  currency      STRING,
  rate          DECIMAL(32, 10),
  WATERMARK FOR update_time AS update_time
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rates.csv', 'format' = 'csv');
CREATE VIEW versioned_rates AS
SELECT currency, rate, update_time              -- (1) `update_time` keeps the event time
  FROM (
      SELECT *,
      ROW_NUMBER() OVER (PARTITION BY currency  -- (2) the inferred unique key `currency` can be a primary key
         ORDER BY update_time DESC) AS rownum
      FROM currency_rates)
WHERE rownum = 1;
CREATE TABLE versioned (currency STRING, rate DECIMAL(32, 10), update_time TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'versioned');
INSERT INTO versioned SELECT * FROM versioned_rates;
-- expect stdout (ordered):
--| first> +I[o1, alice, apple, 2]
--| first> +I[o2, bob, pear, 1]
--| first> +I[o3, carol, plum, 5]
--| versioned> +I[Yen, 102.0000000000, 2020-04-15T09:00]
--| versioned> +I[Euro, 114.0000000000, 2020-04-15T09:00]
--| versioned> +I[USD, 1.0000000000, 2020-04-15T09:00]
--| versioned> -U[Euro, 114.0000000000, 2020-04-15T09:00]
--| versioned> +U[Euro, 119.0000000000, 2020-04-15T11:15]
--| versioned> +I[Pounds, 108.0000000000, 2020-04-15T11:49]
