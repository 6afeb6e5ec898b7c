-- scenario: GROUP BY aggregation plans (EXPLAIN works) but the runtime has no aggregate operator yet: the INSERT fails at submission with a message naming the operator, not a crash
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (bidder STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, COUNT(*) FROM bids GROUP BY bidder;
-- expect error: the runtime cannot run GroupAggregateSpec yet (GroupAggregate(groupBy=[bidder], select=[bidder, COUNT(*) AS EXPR$1]))
-- expect exit: non-zero
