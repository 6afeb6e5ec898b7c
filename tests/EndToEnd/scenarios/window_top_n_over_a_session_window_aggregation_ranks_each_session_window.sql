-- scenario: a window Top-N over a SESSION window aggregation (sessions per supplier, 5-minute gap) emits the top 2 of each session window once, insert-only; sessions that end together but start apart (s4's and s1's) are different windows and rank apart
-- file: input/bids.csv
--| 2020-04-15 08:00:00,2.00,s1
--| 2020-04-15 08:00:00,3.00,s2
--| 2020-04-15 08:02:00,4.00,s1
--| 2020-04-15 08:02:00,1.00,s2
--| 2020-04-15 08:02:00,9.00,s4
--| 2020-04-15 08:03:00,5.00,s3
--| 2020-04-15 08:20:00,1.00,s1
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), supplier_id STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), supplier_id STRING, price DECIMAL(38, 2), cnt BIGINT, rownum BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
  FROM (SELECT window_start, window_end, supplier_id, SUM(price) AS price, COUNT(*) AS cnt
        FROM TABLE(SESSION(TABLE bid PARTITION BY supplier_id, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
        GROUP BY window_start, window_end, supplier_id)
) WHERE rownum <= 2;
-- expect stdout (unordered):
--| +I[2020-04-15T08:00, 2020-04-15T08:07, s1, 6.00, 2, 1]
--| +I[2020-04-15T08:00, 2020-04-15T08:07, s2, 4.00, 2, 2]
--| +I[2020-04-15T08:02, 2020-04-15T08:07, s4, 9.00, 1, 1]
--| +I[2020-04-15T08:03, 2020-04-15T08:08, s3, 5.00, 1, 1]
--| +I[2020-04-15T08:20, 2020-04-15T08:25, s1, 1.00, 1, 1]
