-- scenario: a feature the engine does not implement yet (GROUP BY aggregation) is refused up front with "Not supported yet", not a crash
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (bidder STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, COUNT(*) FROM bids GROUP BY bidder;
-- expect error: Not supported yet
-- expect exit: non-zero
