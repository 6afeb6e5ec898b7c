-- scenario: rows written as avro (default snappy codec) are read back by a query that reads only some columns, filters and aggregates; the answers equal those over the csv the rows came from
-- file: input/bids.csv
--| 1,alice,150,2024-05-01 10:00:00
--| 2,bob,80,2024-05-01 10:00:01
--| 3,carol,300,2024-05-01 10:00:02
--| 4,alice,120,2024-05-01 10:00:03
--| 5,erin,500,2024-05-01 10:00:04
--| 6,bob,210,2024-05-01 10:00:05
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids_csv (id BIGINT, bidder STRING, price INT, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE bids (id BIGINT, bidder STRING, price INT, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/bids', 'format' = 'avro');
INSERT INTO bids SELECT * FROM bids_csv;
CREATE TABLE totals (bidder STRING, n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO totals SELECT bidder, COUNT(*), SUM(price) FROM bids WHERE price >= 100 GROUP BY bidder;
-- expect stdout (unordered):
--| +I[alice, 1, 150]
--| -U[alice, 1, 150]
--| +U[alice, 2, 270]
--| +I[carol, 1, 300]
--| +I[erin, 1, 500]
--| +I[bob, 1, 210]
