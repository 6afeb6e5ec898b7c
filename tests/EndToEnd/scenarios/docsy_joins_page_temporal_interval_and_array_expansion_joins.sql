-- scenario: Flink's Joins page: the event-time temporal join of orders with a versioned currency_rates table (a debezium-json changelog with PRIMARY KEY and watermark; the page's Kafka metadata column becomes a physical column) gives the page's two result rows (o_001 at 12:00 takes EUR 1.14, o_002 at 12:06 the 1.10 that replaced it at 12:05); the interval join of Orders and Shipments shipped within four hours (BETWEEN bounds inclusive; it keeps both rowtimes, so one is cast to a plain TIMESTAMP for the sink, as Flink's "more than one rowtime attribute column" error asks: see tutor_flink_docs_interval_join_in_where_keeps_both_rowtimes_for_the_sink); array expansion with CROSS JOIN UNNEST(tags) AS t (tag) (SPLIT of an empty text is an empty array, as Flink's splitByWholeSeparatorPreserveAllTokens, so that order has no row)
-- file: input/orders.csv
--| o_001,11.11,EUR,2020-04-15 12:00:00
--| o_002,12.51,EUR,2020-04-15 12:06:00
-- file: input/rates.json
--| {"before":null,"after":{"currency":"EUR","conversion_rate":1.14,"update_time":"2020-04-15 11:00:00"},"op":"c"}
--| {"before":{"currency":"EUR","conversion_rate":1.14,"update_time":"2020-04-15 11:00:00"},"after":{"currency":"EUR","conversion_rate":1.10,"update_time":"2020-04-15 12:05:00"},"op":"u"}
-- file: input/shop_orders.csv
--| 1,2020-04-15 08:00:00,"a,b"
--| 2,2020-04-15 08:30:00,"c"
--| 3,2020-04-15 14:00:00,""
-- file: input/shipments.csv
--| 1,2020-04-15 12:00:00
--| 2,2020-04-15 13:00:00
--| 3,2020-04-15 14:00:00
-- sql:
SET 'table.dml-sync' = 'true';
-- Create a table of orders. This is a standard
-- append-only dynamic table.
CREATE TABLE orders (
    order_id    STRING,
    price       DECIMAL(32,2),
    currency    STRING,
    order_time  TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE currency_rates (
    currency STRING,
    conversion_rate DECIMAL(32, 2),
    update_time TIMESTAMP(3),
    WATERMARK FOR update_time AS update_time,
    PRIMARY KEY(currency) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rates.json', 'format' = 'debezium-json');
CREATE TABLE temporal_sink (order_id STRING, price DECIMAL(32,2), currency STRING, conversion_rate DECIMAL(32, 2), order_time TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'temporal');
INSERT INTO temporal_sink
SELECT
     order_id,
     price,
     orders.currency,
     conversion_rate,
     order_time
FROM orders
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF orders.order_time
ON orders.currency = currency_rates.currency;
CREATE TABLE Orders (id INT, order_time TIMESTAMP(3), tag_text STRING, tags AS SPLIT(tag_text, ','), WATERMARK FOR order_time AS order_time)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/shop_orders.csv', 'format' = 'csv');
CREATE TABLE Shipments (order_id INT, ship_time TIMESTAMP(3), WATERMARK FOR ship_time AS ship_time)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/shipments.csv', 'format' = 'csv');
CREATE TABLE interval_sink (id INT, order_time TIMESTAMP(3), order_id INT, ship_time TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'interval');
INSERT INTO interval_sink
SELECT o.id, o.order_time, s.order_id, CAST(s.ship_time AS TIMESTAMP(3)) AS ship_time
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;
CREATE TABLE unnest_sink (order_id INT, tag STRING) WITH ('connector' = 'print', 'print-identifier' = 'unnest');
INSERT INTO unnest_sink
SELECT id AS order_id, tag
FROM Orders CROSS JOIN UNNEST(tags) AS t (tag);
-- expect stdout (unordered):
--| temporal> +I[o_001, 11.11, EUR, 1.14, 2020-04-15T12:00]
--| temporal> +I[o_002, 12.51, EUR, 1.10, 2020-04-15T12:06]
--| interval> +I[1, 2020-04-15T08:00, 1, 2020-04-15T12:00]
--| interval> +I[3, 2020-04-15T14:00, 3, 2020-04-15T14:00]
--| unnest> +I[1, a]
--| unnest> +I[1, b]
--| unnest> +I[2, c]
