-- scenario: Flink's Window Top-N page, "Window Top-N follows after Windowing TVF": the top 3 bids by price of each 10-minute tumbling window, ranked straight over the TVF rows; A and C tie at 4.00 and keep arrival order (A 2, C 3) as Flink's TopNBuffer does; each window's rows come when the watermark passes its end
-- file: input/bid.csv
--| 2020-04-15 08:05:00,4.00,A,supplier1
--| 2020-04-15 08:06:00,4.00,C,supplier2
--| 2020-04-15 08:07:00,2.00,G,supplier1
--| 2020-04-15 08:08:00,2.00,B,supplier3
--| 2020-04-15 08:09:00,5.00,D,supplier4
--| 2020-04-15 08:11:00,2.00,B,supplier3
--| 2020-04-15 08:13:00,1.00,E,supplier1
--| 2020-04-15 08:15:00,3.00,H,supplier2
--| 2020-04-15 08:17:00,6.00,F,supplier5
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bid.csv', 'format' = 'csv');
CREATE TABLE print_sink (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING,
  window_start TIMESTAMP(3), window_end TIMESTAMP(3), rownum BIGINT)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT bidtime, price, item, supplier_id, window_start, window_end, rownum
  FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) as rownum
    FROM TABLE(
               TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
  ) WHERE rownum <= 3;
-- expect stdout (unordered):
--| +I[2020-04-15T08:05, 4.00, A, supplier1, 2020-04-15T08:00, 2020-04-15T08:10, 2]
--| +I[2020-04-15T08:06, 4.00, C, supplier2, 2020-04-15T08:00, 2020-04-15T08:10, 3]
--| +I[2020-04-15T08:09, 5.00, D, supplier4, 2020-04-15T08:00, 2020-04-15T08:10, 1]
--| +I[2020-04-15T08:11, 2.00, B, supplier3, 2020-04-15T08:10, 2020-04-15T08:20, 3]
--| +I[2020-04-15T08:15, 3.00, H, supplier2, 2020-04-15T08:10, 2020-04-15T08:20, 2]
--| +I[2020-04-15T08:17, 6.00, F, supplier5, 2020-04-15T08:10, 2020-04-15T08:20, 1]
