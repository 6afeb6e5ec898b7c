-- scenario: EXPLAIN prints the plan with Flink's section titles and runs nothing
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
--| 4,dave,120
--| 5,erin,500
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
EXPLAIN SELECT id, price FROM bids WHERE price > 100;
-- expect stdout (all, ordered, contains):
--| == Abstract Syntax Tree ==
--| == Optimized Physical Plan ==
-- expect stdout (unordered):
