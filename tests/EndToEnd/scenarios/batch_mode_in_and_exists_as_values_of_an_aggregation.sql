-- scenario: IN and EXISTS used as values of an aggregation: IN in the select list with SQL's three-valued result (NULL when the subquery holds a NULL and no match), a correlated EXISTS under OR in HAVING reading the grouped column
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,alice,300
--| 4,bob,120
--| 5,carol,500
--| 6,alice,150
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'parallelism.default' = '2';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE VIEW vip AS SELECT * FROM (VALUES ('alice'), (CAST(NULL AS STRING))) AS v(name);
SELECT bidder, COUNT(*) AS n, bidder IN (SELECT name FROM vip) AS is_vip FROM bids GROUP BY bidder;
SELECT bidder, MAX(price) AS top FROM bids GROUP BY bidder HAVING MAX(price) >= 500 OR EXISTS (SELECT 1 FROM vip WHERE vip.name = bids.bidder);
-- expect stdout (all, unordered, contains):
--| | bidder | n | is_vip |
--| |    bob | 2 | <NULL> |
--| |  alice | 3 |   TRUE |
--| |  carol | 1 | <NULL> |
--| 3 rows in set
--| | bidder | top |
--| |  carol | 500 |
--| |  alice | 300 |
--| 2 rows in set
