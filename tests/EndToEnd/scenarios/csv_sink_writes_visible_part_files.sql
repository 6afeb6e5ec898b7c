-- scenario: a bounded job into a filesystem csv sink leaves committed (visible) part files holding exactly the selected rows
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
--| 4,dave,120
--| 5,erin,500
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE out_csv (id INT, bidder STRING) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO out_csv SELECT id, bidder FROM bids WHERE price >= 120;
-- expect files ${SCRATCH}/out (unordered):
--| 1,alice
--| 3,carol
--| 4,dave
--| 5,erin
