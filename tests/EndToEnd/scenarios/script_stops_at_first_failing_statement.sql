-- scenario: a script run stops at the first failing statement: later statements are not executed and the exit code is non-zero
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
--| 4,dave,120
--| 5,erin,500
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM bidz;
INSERT INTO print_sink SELECT id FROM bids;
-- expect stdout (unordered):
-- expect error: bidz
-- expect exit: non-zero
