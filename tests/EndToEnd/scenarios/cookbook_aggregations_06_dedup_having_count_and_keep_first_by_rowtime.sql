-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/06_dedup: the duplicate check (GROUP BY id HAVING COUNT(*) > 1: a group's first row is filtered out, so its first visible change is a +U) and ROW_NUMBER() OVER (PARTITION BY id ORDER BY order_time) = 1 on the event time, keeping each id's first row; ids from a file instead of datagen's random ones, order_time a column instead of CURRENT_TIMESTAMP. Expected rows derived by hand from Flink's documented semantics
-- file: input/orders_dedup.csv
--| 5,2020-12-19 10:00:00
--| 7,2020-12-19 10:00:01
--| 5,2020-12-19 10:00:02
--| 9,2020-12-19 10:00:03
--| 7,2020-12-19 10:00:04
--| 5,2020-12-19 10:00:05
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (
  id INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECONDS
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders_dedup.csv', 'format' = 'csv');
CREATE TABLE o1 (order_id INT, order_cnt BIGINT) WITH ('connector'='print', 'print-identifier'='dups');
CREATE TABLE o2 (order_id INT, order_time TIMESTAMP(3)) WITH ('connector'='print', 'print-identifier'='dedup');
--Check for duplicates in the `orders` table
INSERT INTO o1
SELECT id AS order_id,
       COUNT(*) AS order_cnt
FROM orders o
GROUP BY id
HAVING COUNT(*) > 1;

--Use deduplication to keep only the latest record for each `order_id`
INSERT INTO o2
SELECT
  order_id,
  order_time
FROM (
  SELECT id AS order_id,
         order_time,
         ROW_NUMBER() OVER (PARTITION BY id ORDER BY order_time) AS rownum
  FROM orders
     )
WHERE rownum = 1;
-- expect stdout (ordered):
--| dups> +U[5, 2]
--| dups> +U[7, 2]
--| dups> -U[5, 2]
--| dups> +U[5, 3]
--| dedup> +I[5, 2020-12-19T10:00]
--| dedup> +I[7, 2020-12-19T10:00:01]
--| dedup> +I[9, 2020-12-19T10:00:03]
