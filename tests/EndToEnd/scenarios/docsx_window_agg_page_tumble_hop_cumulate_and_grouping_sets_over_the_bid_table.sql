-- scenario: Flink's Window Aggregation page over its Bid table (bidtime, price, item, supplier_id): the TUMBLE, HOP and CUMULATE sums, GROUPING SETS ((supplier_id), ()), the equivalent ROLLUP, CUBE (supplier_id, item) and the cascading 5-then-10-minute aggregation give the documented rows (the docs' 08:05 means 08:05:00.000; rows within one window come in no determined order). The cascading example is the page as fixed by apache/flink#18414 (the first level's columns renamed window1_start/window1_end): with the names kept Flink fails with "Column 'window_start' is ambiguous"
-- file: input/bid.csv
--| 2020-04-15 08:05:00,4.00,C,supplier1
--| 2020-04-15 08:07:00,2.00,A,supplier1
--| 2020-04-15 08:09:00,5.00,D,supplier2
--| 2020-04-15 08:11:00,3.00,B,supplier2
--| 2020-04-15 08:13:00,1.00,E,supplier1
--| 2020-04-15 08:17:00,6.00,F,supplier2
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bid.csv', 'format' = 'csv');
CREATE TABLE tumble_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), price DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'tumble');
CREATE TABLE hop_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), price DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'hop');
CREATE TABLE cumulate_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), price DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'cumulate');
CREATE TABLE sets_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), supplier_id STRING, price DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'sets');
CREATE TABLE rollup_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), supplier_id STRING, price DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'rollup');
CREATE TABLE cube_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), item STRING, supplier_id STRING, price DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'cube');
CREATE TABLE cascade_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total_price DECIMAL(38, 2))
  WITH ('connector' = 'print', 'print-identifier' = 'cascade');
INSERT INTO tumble_sink SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
INSERT INTO hop_sink SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    HOP(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
INSERT INTO cumulate_sink SELECT window_start, window_end, SUM(price)
  FROM TABLE(
    CUMULATE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
INSERT INTO sets_sink SELECT window_start, window_end, supplier_id, SUM(price) as price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ());
INSERT INTO rollup_sink SELECT window_start, window_end, supplier_id, SUM(price) as price
FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, ROLLUP (supplier_id);
INSERT INTO cube_sink SELECT window_start, window_end, item, supplier_id, SUM(price) as price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end, CUBE (supplier_id, item);
CREATE VIEW window1 AS
SELECT window_start as window1_start, window_end as window1_end, window_time as rowtime, SUM(price) as partial_price
  FROM TABLE(
    TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY supplier_id, window_start, window_end, window_time;
INSERT INTO cascade_sink SELECT window_start, window_end, SUM(partial_price) as total_price
  FROM TABLE(
      TUMBLE(TABLE window1, DESCRIPTOR(rowtime), INTERVAL '10' MINUTES))
  GROUP BY window_start, window_end;
-- expect stdout (unordered):
--| tumble> +I[2020-04-15T08:00, 2020-04-15T08:10, 11.00]
--| tumble> +I[2020-04-15T08:10, 2020-04-15T08:20, 10.00]
--| hop> +I[2020-04-15T08:00, 2020-04-15T08:10, 11.00]
--| hop> +I[2020-04-15T08:05, 2020-04-15T08:15, 15.00]
--| hop> +I[2020-04-15T08:10, 2020-04-15T08:20, 10.00]
--| hop> +I[2020-04-15T08:15, 2020-04-15T08:25, 6.00]
--| cumulate> +I[2020-04-15T08:00, 2020-04-15T08:06, 4.00]
--| cumulate> +I[2020-04-15T08:00, 2020-04-15T08:08, 6.00]
--| cumulate> +I[2020-04-15T08:00, 2020-04-15T08:10, 11.00]
--| cumulate> +I[2020-04-15T08:10, 2020-04-15T08:12, 3.00]
--| cumulate> +I[2020-04-15T08:10, 2020-04-15T08:14, 4.00]
--| cumulate> +I[2020-04-15T08:10, 2020-04-15T08:16, 4.00]
--| cumulate> +I[2020-04-15T08:10, 2020-04-15T08:18, 10.00]
--| cumulate> +I[2020-04-15T08:10, 2020-04-15T08:20, 10.00]
--| sets> +I[2020-04-15T08:00, 2020-04-15T08:10, null, 11.00]
--| sets> +I[2020-04-15T08:00, 2020-04-15T08:10, supplier2, 5.00]
--| sets> +I[2020-04-15T08:00, 2020-04-15T08:10, supplier1, 6.00]
--| sets> +I[2020-04-15T08:10, 2020-04-15T08:20, null, 10.00]
--| sets> +I[2020-04-15T08:10, 2020-04-15T08:20, supplier2, 9.00]
--| sets> +I[2020-04-15T08:10, 2020-04-15T08:20, supplier1, 1.00]
--| rollup> +I[2020-04-15T08:00, 2020-04-15T08:10, null, 11.00]
--| rollup> +I[2020-04-15T08:00, 2020-04-15T08:10, supplier2, 5.00]
--| rollup> +I[2020-04-15T08:00, 2020-04-15T08:10, supplier1, 6.00]
--| rollup> +I[2020-04-15T08:10, 2020-04-15T08:20, null, 10.00]
--| rollup> +I[2020-04-15T08:10, 2020-04-15T08:20, supplier2, 9.00]
--| rollup> +I[2020-04-15T08:10, 2020-04-15T08:20, supplier1, 1.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, C, supplier1, 4.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, A, supplier1, 2.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, D, supplier2, 5.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, null, supplier1, 6.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, null, supplier2, 5.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, C, null, 4.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, A, null, 2.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, D, null, 5.00]
--| cube> +I[2020-04-15T08:00, 2020-04-15T08:10, null, null, 11.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, B, supplier2, 3.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, E, supplier1, 1.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, F, supplier2, 6.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, null, supplier2, 9.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, null, supplier1, 1.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, B, null, 3.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, E, null, 1.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, F, null, 6.00]
--| cube> +I[2020-04-15T08:10, 2020-04-15T08:20, null, null, 10.00]
--| cascade> +I[2020-04-15T08:00, 2020-04-15T08:10, 11.00]
--| cascade> +I[2020-04-15T08:10, 2020-04-15T08:20, 10.00]
