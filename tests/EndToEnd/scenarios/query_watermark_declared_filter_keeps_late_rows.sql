-- scenario: a table with a WATERMARK still serves a plain projection/filter; rows behind the watermark are not dropped by a filter
-- file: input/bids.csv
--| 1,5,2024-01-15 10:00:00
--| 2,20,2024-01-15 10:00:07
--| 3,30,2024-01-15 10:00:03
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (
  id INT,
  price INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, price INT, ts TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, price, ts FROM bids WHERE price > 10;
-- expect stdout (unordered):
--| +I[2, 20, 2024-01-15T10:00:07]
--| +I[3, 30, 2024-01-15T10:00:03]
