-- scenario: batch mode runs OVER calls over different windows in one SELECT (another partition, a global descending order, a whole partition), as Flink's batch planner does, and GROUPING with two keys gives their bit vector
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
SET 'execution.batch.max-rows' = '1';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
SELECT bidder, id, price, SUM(price) OVER (PARTITION BY bidder ORDER BY id) AS running, RANK() OVER (ORDER BY price DESC) AS r, COUNT(*) OVER (PARTITION BY bidder) AS n FROM bids;
SELECT bidder, GROUPING(bidder, price) AS g, COUNT(*) AS c FROM bids GROUP BY ROLLUP (bidder, price) HAVING GROUPING(bidder, price) > 0;
-- expect stdout (all, unordered, contains):
--| | bidder | id | price | running | r | n |
--| |  alice |  1 |   150 |     150 | 3 | 3 |
--| |  alice |  3 |   300 |     450 | 2 | 3 |
--| |  alice |  6 |   150 |     600 | 3 | 3 |
--| |    bob |  2 |    80 |      80 | 6 | 2 |
--| |    bob |  4 |   120 |     200 | 5 | 2 |
--| |  carol |  5 |   500 |     500 | 1 | 1 |
--| 6 rows in set
--| | bidder | g | c |
--| |  alice | 1 | 3 |
--| |    bob | 1 | 2 |
--| |  carol | 1 | 1 |
--| | <NULL> | 3 | 6 |
--| 4 rows in set
