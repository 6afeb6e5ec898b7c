-- scenario: Flink's window deduplication example (the last bid of each 10-minute window, ORDER BY bidtime DESC, rownum <= 1) emits one insert per window when the watermark passes its end; a bid for a window that already fired is late and dropped, though it would be that window's last row
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
CREATE TABLE print_sink (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, supplier_id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), rownum BIGINT)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT * FROM (
  SELECT bidtime, price, item, supplier_id, window_start, window_end,
    ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime DESC) AS rownum
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
) WHERE rownum <= 1;
-- expect stdout (unordered):
--| +I[2020-04-15T08:09, 5.00, D, supplier4, 2020-04-15T08:00, 2020-04-15T08:10, 1]
--| +I[2020-04-15T08:17, 6.00, F, supplier5, 2020-04-15T08:10, 2020-04-15T08:20, 1]
