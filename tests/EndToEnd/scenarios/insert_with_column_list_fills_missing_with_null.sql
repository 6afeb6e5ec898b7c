-- scenario: INSERT with a column list maps columns by name in the given order and sets the sink columns not listed to NULL
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
--| 4,dave,120
--| 5,erin,500
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, price INT, note STRING) WITH ('connector' = 'print');
INSERT INTO print_sink (note, id) SELECT bidder, id FROM bids WHERE id <= 2;
-- expect stdout (unordered):
--| +I[1, null, alice]
--| +I[2, null, bob]
