-- scenario: in streaming an OVER call in a GROUP BY query reads the aggregation's updating rows, which Flink's OVER aggregate refuses with its changelog message (before it would look at the non-time ORDER BY)
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5');
CREATE TABLE print_sink (bidder STRING, c BIGINT, run BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY bidder) AS run FROM bids GROUP BY bidder;
-- expect error: StreamPhysicalOverAggregate doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[bidder], select=[bidder, COUNT(*) AS c])
