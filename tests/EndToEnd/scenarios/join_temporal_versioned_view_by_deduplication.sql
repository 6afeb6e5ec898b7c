-- scenario: a view keeping the last rate per currency by event time is a versioned table for an event-time temporal join
-- file: input/orders.csv
--| o1,2.00,Euro,2026-12-04 10:15:00
--| o2,1.00,USD,2026-12-04 10:30:00
--| o3,50.00,Yen,2026-12-04 09:00:00
--| o4,3.00,Euro,2026-12-04 11:20:00
--| o5,4.00,Pounds,2026-12-04 11:00:00
--| o6,5.00,Pounds,2026-12-04 12:00:00
--| o7,6.00,Franc,2026-12-04 12:00:00
-- file: input/rates.csv
--| Yen,102.00,2026-12-04 09:00:00
--| Euro,114.00,2026-12-04 09:00:00
--| USD,1.00,2026-12-04 09:00:00
--| Euro,119.00,2026-12-04 11:15:00
--| Pounds,108.00,2026-12-04 11:49:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (order_id STRING, price DECIMAL(32, 2), currency STRING, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE currency_rates (currency STRING, conversion_rate DECIMAL(32, 2), update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/rates.csv', 'format' = 'csv');
CREATE VIEW versioned_rates AS
SELECT currency, conversion_rate, update_time FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY update_time DESC) AS rownum FROM currency_rates)
WHERE rownum = 1;
CREATE TABLE print_sink (order_id STRING, price DECIMAL(32, 2), currency STRING, conversion_rate DECIMAL(32, 2),
  order_time TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT order_id, price, orders.currency, conversion_rate, order_time
FROM orders
LEFT JOIN versioned_rates FOR SYSTEM_TIME AS OF orders.order_time
ON orders.currency = versioned_rates.currency;
-- expect stdout (unordered):
--| +I[o1, 2.00, Euro, 114.00, 2026-12-04T10:15]
--| +I[o2, 1.00, USD, 1.00, 2026-12-04T10:30]
--| +I[o3, 50.00, Yen, 102.00, 2026-12-04T09:00]
--| +I[o4, 3.00, Euro, 119.00, 2026-12-04T11:20]
--| +I[o5, 4.00, Pounds, null, 2026-12-04T11:00]
--| +I[o6, 5.00, Pounds, 108.00, 2026-12-04T12:00]
--| +I[o7, 6.00, Franc, null, 2026-12-04T12:00]
