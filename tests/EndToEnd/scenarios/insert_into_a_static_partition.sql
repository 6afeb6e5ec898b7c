-- scenario: INSERT INTO t PARTITION (k = 'v') SELECT ... fills the partition column from the PARTITION clause and the other columns from the query, in order (Flink's static partition insert)
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE daily (id INT, price INT, dt STRING, hr INT) PARTITIONED BY (dt, hr) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/daily', 'format' = 'csv');
INSERT INTO daily PARTITION (dt = '2024-01-01', hr = '7') SELECT id, price FROM bids;
INSERT INTO daily PARTITION (dt = '2024-01-02') SELECT id, price, 9 FROM bids WHERE id = 1;
SELECT dt, hr, id, price FROM daily;
-- expect stdout (all, unordered, contains):
--| 2024-01-01 |           7 |           1 |         150 |
--| 2024-01-01 |           7 |           2 |          80 |
--| 2024-01-02 |           9 |           1 |         150 |
