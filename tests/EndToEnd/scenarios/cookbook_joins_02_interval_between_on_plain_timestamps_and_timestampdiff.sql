-- scenario: ververica/flink-sql-cookbook joins/02_interval_joins: o.order_time BETWEEN s.shipment_time - INTERVAL '3' DAY AND s.shipment_time (inclusive at both ends) with TIMESTAMPDIFF(DAY, ...) truncating; the times are columns of the files (the recipe's RAND()/CURRENT_TIMESTAMP computed columns are not deterministic) and, as in the recipe, not time attributes, so this is a regular join with a condition. Expected rows derived by hand from Flink's documented semantics
-- file: input/ij_orders.csv
--| 1,2020-12-10 10:00:00
--| 2,2020-12-11 10:00:00
--| 3,2020-12-12 10:00:00
--| 4,2020-12-13 10:00:00
-- file: input/ij_ship.csv
--| 100,1,2020-12-12 09:00:00
--| 101,2,2020-12-15 10:00:01
--| 102,3,2020-12-12 10:00:00
--| 103,4,2020-12-12 10:00:00
--| 104,1,2020-12-13 10:00:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (
  id INT,
  order_time TIMESTAMP(3)
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/ij_orders.csv', 'format' = 'csv');
CREATE TABLE shipments (
  id INT,
  order_id INT,
  shipment_time TIMESTAMP(3)
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/ij_ship.csv', 'format' = 'csv');
CREATE TABLE o1 (order_id INT, order_time TIMESTAMP(3), shipment_time TIMESTAMP(3), day_diff INT) WITH ('connector'='print');
INSERT INTO o1
SELECT
  o.id AS order_id,
  o.order_time,
  s.shipment_time,
  TIMESTAMPDIFF(DAY,o.order_time,s.shipment_time) AS day_diff
FROM orders o
JOIN shipments s ON o.id = s.order_id
WHERE 
    o.order_time BETWEEN s.shipment_time - INTERVAL '3' DAY AND s.shipment_time;
-- expect stdout (unordered):
--| +I[1, 2020-12-10T10:00, 2020-12-12T09:00, 1]
--| +I[3, 2020-12-12T10:00, 2020-12-12T10:00, 0]
--| +I[1, 2020-12-10T10:00, 2020-12-13T10:00, 3]
