-- scenario: Flink's ORDER BY page: "When running in streaming mode, the primary sort order of a table must be ascending on a time attribute": ORDER BY a regular column in streaming mode is refused with Flink's "Sort on a non-time-attribute field is not supported."
-- sql:
CREATE TABLE Orders (order_id INT, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND)
  WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE sorted_sink (order_id INT) WITH ('connector' = 'blackhole');
INSERT INTO sorted_sink SELECT order_id FROM Orders ORDER BY order_id, order_time;
-- expect error: Sort on a non-time-attribute field is not supported.
