-- scenario: a feature the engine does not implement yet (GROUP BY aggregation) is refused up front with "Not supported yet", not a crash
-- file: input/bids.csv
--| 1,alice,10
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (bidder STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, COUNT(*) FROM bids GROUP BY bidder;
-- expect error: Not supported yet
-- expect exit: non-zero
