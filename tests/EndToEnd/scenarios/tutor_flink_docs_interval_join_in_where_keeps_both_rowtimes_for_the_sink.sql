-- scenario: Flink's Joins page interval join as written (SELECT * FROM Orders o, Shipments s WHERE o.id = s.order_id AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time) into a print sink: the WHERE bounds make it an interval join, which keeps both inputs' rowtime attributes (Flink pushes the WHERE into the join before RelTimeIndicatorConverter, which materializes time attributes of regular joins only), so the sink is refused with Flink's StreamExecSink message naming both columns (docsy_joins_page_temporal_interval_and_array_expansion_joins casts ship_time, as the message asks, and gets the rows)
-- file: input/orders.csv
--| 1,2020-04-15 08:00:00
--| 2,2020-04-15 08:30:00
--| 3,2020-04-15 14:00:00
-- file: input/shipments.csv
--| 1,2020-04-15 12:00:00
--| 2,2020-04-15 13:00:00
--| 3,2020-04-15 14:00:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Orders (id INT, order_time TIMESTAMP(3), WATERMARK FOR order_time AS order_time)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE Shipments (order_id INT, ship_time TIMESTAMP(3), WATERMARK FOR ship_time AS ship_time)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/shipments.csv', 'format' = 'csv');
CREATE TABLE interval_sink (id INT, order_time TIMESTAMP(3), order_id INT, ship_time TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO interval_sink
SELECT *
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;
-- expect error: The query contains more than one rowtime attribute column [order_time, ship_time] for writing into table 'default_catalog.default_database.interval_sink'.
-- expect error: Please select the column that should be used as the event-time timestamp for the table sink by casting all other columns to regular TIMESTAMP or TIMESTAMP_LTZ.
