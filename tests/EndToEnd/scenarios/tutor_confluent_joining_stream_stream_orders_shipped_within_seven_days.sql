-- scenario: confluentinc/tutorials joining-stream-stream (Flink SQL): orders INNER JOIN shipments ON o.id = s.order_id AND TO_TIMESTAMP(FROM_UNIXTIME(s.ship_ts_raw)) BETWEEN the order's and the order's + INTERVAL '7' DAY, with FROM_UNIXTIME strings and TIMESTAMPDIFF(HOUR, ...) in the SELECT, in UTC as the tutorial's containers (two csv files for the kafka topics). The epoch columns are no time attributes, so this is a regular join with a residual condition. Expected rows: the tutorial's output (every order shipped within a week)
-- file: input/orders.csv
--| 1,404.89,Art Vandelay,1692812175
--| 2,50.45,Bob Sacamanto,1692826575
--| 3,113.23,Bilbo Baggins,1692826575
--| 4,90.43,Harry Potter,1692812175
--| 5,495.22,John Hechinger,1692819375
--| 6,410.13,Mandelorean,1692826575
--| 7,333.84,Jane Smith,1692822975
--| 8,26.14,HJ Pennypacker,1692819375
--| 9,450.77,Colonel Mustard,1692812175
--| 10,195.13,Prof. Jones,1692822975
-- file: input/shipments.csv
--| shipment_1,1,Bar Harbor,1692815775
--| shipment_2,2,Boston,1692851775
--| shipment_3,3,Providence,1692851775
--| shipment_4,4,Springfield,1692826575
--| shipment_5,5,Bar Harbor,1692822975
--| shipment_6,6,Boston,1692851775
--| shipment_7,7,Jackson Hole,1692840975
--| shipment_8,8,Whitefish,1692822975
--| shipment_9,9,Jackson Hole,1692984975
--| shipment_10,10,Columbia Falls,1692984975
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TABLE orders (
    id INT,
    total_amount DOUBLE,
    customer_name VARCHAR,
    order_ts_raw BIGINT
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE shipments (
    id VARCHAR,
    order_id INT,
    warehouse VARCHAR,
    ship_ts_raw BIGINT
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/shipments.csv', 'format' = 'csv');
CREATE TABLE shipped_orders (order_id INT, order_ts STRING, total DOUBLE, customer STRING, ship_id STRING, ship_ts STRING, warehouse STRING, hr_to_ship INT)
  WITH ('connector' = 'print');
INSERT INTO shipped_orders
SELECT o.id as order_id,
       FROM_UNIXTIME(o.order_ts_raw) as order_ts,
       o.total_amount as total,
       o.customer_name as customer,
       s.id as ship_id,
       FROM_UNIXTIME(s.ship_ts_raw) as ship_ts,
       s.warehouse,
       TIMESTAMPDIFF(HOUR,
           TO_TIMESTAMP(FROM_UNIXTIME(o.order_ts_raw)),
           TO_TIMESTAMP(FROM_UNIXTIME(s.ship_ts_raw))) as hr_to_ship
FROM orders o
INNER JOIN shipments s
    ON o.id = s.order_id
        AND TO_TIMESTAMP(FROM_UNIXTIME(s.ship_ts_raw))
            BETWEEN TO_TIMESTAMP(FROM_UNIXTIME(o.order_ts_raw))
            AND TO_TIMESTAMP(FROM_UNIXTIME(o.order_ts_raw))  + INTERVAL '7' DAY;
-- expect stdout (unordered):
--| +I[1, 2023-08-23 17:36:15, 404.89, Art Vandelay, shipment_1, 2023-08-23 18:36:15, Bar Harbor, 1]
--| +I[2, 2023-08-23 21:36:15, 50.45, Bob Sacamanto, shipment_2, 2023-08-24 04:36:15, Boston, 7]
--| +I[3, 2023-08-23 21:36:15, 113.23, Bilbo Baggins, shipment_3, 2023-08-24 04:36:15, Providence, 7]
--| +I[4, 2023-08-23 17:36:15, 90.43, Harry Potter, shipment_4, 2023-08-23 21:36:15, Springfield, 4]
--| +I[5, 2023-08-23 19:36:15, 495.22, John Hechinger, shipment_5, 2023-08-23 20:36:15, Bar Harbor, 1]
--| +I[6, 2023-08-23 21:36:15, 410.13, Mandelorean, shipment_6, 2023-08-24 04:36:15, Boston, 7]
--| +I[7, 2023-08-23 20:36:15, 333.84, Jane Smith, shipment_7, 2023-08-24 01:36:15, Jackson Hole, 5]
--| +I[8, 2023-08-23 19:36:15, 26.14, HJ Pennypacker, shipment_8, 2023-08-23 20:36:15, Whitefish, 1]
--| +I[9, 2023-08-23 17:36:15, 450.77, Colonel Mustard, shipment_9, 2023-08-25 17:36:15, Jackson Hole, 48]
--| +I[10, 2023-08-23 20:36:15, 195.13, Prof. Jones, shipment_10, 2023-08-25 17:36:15, Columbia Falls, 45]
