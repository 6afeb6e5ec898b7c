-- scenario: CREATE TABLE ... WITH (...) AS SELECT creates the table with the query's columns (after the ones it declares, which the query fills by name or leaves NULL) and runs the INSERT as a job
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE big_bids (note STRING, id INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv')
AS SELECT id, UPPER(bidder) AS who, price * 2 AS doubled FROM bids WHERE price > 100;
DESCRIBE big_bids;
-- expect stdout (all, ordered, contains):
--| +---------+--------+------+-----+--------+-----------+
--| |    name |   type | null | key | extras | watermark |
--| +---------+--------+------+-----+--------+-----------+
--| |    note | STRING | TRUE |     |        |           |
--| |      id |    INT | TRUE |     |        |           |
--| |     who | STRING | TRUE |     |        |           |
--| | doubled |    INT | TRUE |     |        |           |
--| +---------+--------+------+-----+--------+-----------+
--| 4 rows in set
-- expect files ${SCRATCH}/out (unordered):
--| ,1,ALICE,300
--| ,3,CAROL,600
