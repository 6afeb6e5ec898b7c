-- scenario: a statement failing after an INSERT over bounded input stops the script, but the submitted job runs to its end and commits its output, as on Flink's cluster when sql-client.sh -f stops at the error
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE expensive (id INT, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO expensive SELECT id, price FROM bids WHERE price > 100;
SELECT * FROM bidz;
INSERT INTO expensive SELECT id, price FROM bids;
-- expect files ${SCRATCH}/out (unordered):
--| 1,150
--| 3,300
-- expect error: job.sql:4:15
-- expect error: bidz
-- expect exit: non-zero
