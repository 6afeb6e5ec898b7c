-- scenario: a projection computes, renames and reorders columns of every input row
-- file: input/bids.csv
--| 1,100,alice
--| 2,250,bob
--| 3,75,carol
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, price INT, bidder STRING) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (who STRING, id INT, doubled INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder AS who, id, price * 2 AS doubled FROM bids;
-- expect stdout (unordered):
--| +I[alice, 1, 200]
--| +I[bob, 2, 500]
--| +I[carol, 3, 150]
