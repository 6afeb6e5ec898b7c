-- scenario: Flink's window Top-N example (the top 3 suppliers of each 10-minute window by their summed price) emits each window's rows once, insert-only, into an append-only sink when the watermark passes its end; a late row of a fired window is dropped
-- file: input/bids.csv
--| 2020-04-15 08:05:00,4.00,A,supplier1
--| 2020-04-15 08:06:00,4.00,C,supplier2
--| 2020-04-15 08:07:00,2.00,G,supplier1
--| 2020-04-15 08:08:00,2.00,B,supplier3
--| 2020-04-15 08:09:00,5.00,D,supplier4
--| 2020-04-15 08:11:00,2.00,B,supplier3
--| 2020-04-15 08:13:00,1.00,E,supplier1
--| 2020-04-15 08:15:00,3.00,H,supplier2
--| 2020-04-15 08:17:00,6.00,F,supplier5
--| 2020-04-15 08:09:30,100.00,X,supplier9
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), supplier_id STRING, price DECIMAL(38, 2), cnt BIGINT, rownum BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
  FROM (SELECT window_start, window_end, supplier_id, SUM(price) AS price, COUNT(*) AS cnt
        FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
        GROUP BY window_start, window_end, supplier_id)
) WHERE rownum <= 3;
-- expect stdout (unordered):
--| +I[2020-04-15T08:00, 2020-04-15T08:10, supplier1, 6.00, 2, 1]
--| +I[2020-04-15T08:00, 2020-04-15T08:10, supplier4, 5.00, 1, 2]
--| +I[2020-04-15T08:00, 2020-04-15T08:10, supplier2, 4.00, 1, 3]
--| +I[2020-04-15T08:10, 2020-04-15T08:20, supplier5, 6.00, 1, 1]
--| +I[2020-04-15T08:10, 2020-04-15T08:20, supplier2, 3.00, 1, 2]
--| +I[2020-04-15T08:10, 2020-04-15T08:20, supplier3, 2.00, 1, 3]
