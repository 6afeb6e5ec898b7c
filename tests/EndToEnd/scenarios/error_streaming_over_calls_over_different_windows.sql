-- scenario: in streaming every OVER call of a SELECT must use the same window: a second window (another partition) is refused with Flink's message, at that window
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '5');
CREATE TABLE print_sink (bidder STRING, total INT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, SUM(price) OVER (PARTITION BY bidder ORDER BY ts), COUNT(*) OVER (ORDER BY ts) FROM bids;
-- expect error: Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.
-- expect caret under: (ORDER BY ts) FROM
