-- scenario: a view is expanded into the query that reads it, its filter combined with the outer one
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
--| 4,dave,120
--| 5,erin,500
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE VIEW big_bids AS SELECT id, bidder, price FROM bids WHERE price > 100;
CREATE TABLE print_sink (bidder STRING, doubled INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, price * 2 FROM big_bids WHERE id < 5;
-- expect stdout (unordered):
--| +I[alice, 300]
--| +I[carol, 600]
--| +I[dave, 240]
