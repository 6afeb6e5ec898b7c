-- scenario: batch mode runs OVER windows ordered by a non-time column, descending, with RANK, a running SUM over peers, LEAD and a RANK Top-N keeping ties, and prints final rows
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
SELECT bidder, id, price, RANK() OVER w AS r, SUM(price) OVER w AS running, LEAD(id) OVER w AS next_id FROM bids WINDOW w AS (PARTITION BY bidder ORDER BY price DESC, id);
SELECT bidder, id FROM (SELECT bidder, id, RANK() OVER (PARTITION BY bidder ORDER BY price) AS r FROM bids) WHERE r = 1;
-- expect stdout (all, unordered, contains):
--| | bidder | id | price | r | running | next_id |
--| |  alice |  3 |   300 | 1 |     300 |       1 |
--| |  alice |  1 |   150 | 2 |     450 |       6 |
--| |  alice |  6 |   150 | 3 |     600 |  <NULL> |
--| |    bob |  4 |   120 | 1 |     120 |       2 |
--| |    bob |  2 |    80 | 2 |     200 |  <NULL> |
--| |  carol |  5 |   500 | 1 |     500 |  <NULL> |
--| 6 rows in set
--| | bidder | id |
--| |  alice |  1 |
--| |  alice |  6 |
--| |    bob |  2 |
--| |  carol |  5 |
--| 4 rows in set
