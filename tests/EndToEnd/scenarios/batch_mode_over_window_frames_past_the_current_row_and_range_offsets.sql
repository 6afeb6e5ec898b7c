-- scenario: batch mode runs OVER frames that reach past the current row (ROWS 1 PRECEDING AND 1 FOLLOWING, CURRENT ROW AND UNBOUNDED FOLLOWING) and a RANGE frame bounded by a distance from the order key, with peers sharing it
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
SELECT id, price, SUM(price) OVER w AS around, COUNT(*) OVER w AS n FROM bids WINDOW w AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING);
SELECT id, price, COUNT(*) OVER w AS near, MIN(id) OVER w AS first_id FROM bids WINDOW w AS (ORDER BY price RANGE BETWEEN 50 PRECEDING AND 50 FOLLOWING);
SELECT bidder, id, SUM(price) OVER (PARTITION BY bidder ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS still_to_come FROM bids;
-- expect stdout (all, unordered, contains):
--| | id | price | around | n |
--| |  1 |   150 |    230 | 2 |
--| |  2 |    80 |    530 | 3 |
--| |  3 |   300 |    500 | 3 |
--| |  4 |   120 |    920 | 3 |
--| |  5 |   500 |    770 | 3 |
--| |  6 |   150 |    650 | 2 |
--| | id | price | near | first_id |
--| |  2 |    80 |    2 |        2 |
--| |  4 |   120 |    4 |        1 |
--| |  1 |   150 |    3 |        1 |
--| |  6 |   150 |    3 |        1 |
--| |  3 |   300 |    1 |        3 |
--| |  5 |   500 |    1 |        5 |
--| | bidder | id | still_to_come |
--| |  alice |  1 |           600 |
--| |  alice |  3 |           450 |
--| |  alice |  6 |           150 |
--| |    bob |  2 |           200 |
--| |    bob |  4 |           120 |
--| |  carol |  5 |           500 |
--| 6 rows in set
