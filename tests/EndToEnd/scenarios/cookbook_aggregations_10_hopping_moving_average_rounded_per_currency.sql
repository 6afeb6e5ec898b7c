-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/10_hopping_time_windows: ROUND(AVG(bid_price), 2) per currency over HOP(TABLE bids, DESCRIPTOR(transaction_time), INTERVAL '30' SECONDS, INTERVAL '1' MINUTE): each row in two windows, a window without a currency's rows gives no row for it, ROUND is HALF_UP on the decimal text (11.6665 -> 11.67). Expected rows derived by hand from Flink's documented semantics
-- file: input/bids.csv
--| b1,EUR,10.0,2020-12-19 10:00:05
--| b2,USD,20.5,2020-12-19 10:00:20
--| b3,EUR,11.0,2020-12-19 10:00:40
--| b4,EUR,12.333,2020-12-19 10:01:10
--| b5,USD,1.0,2020-12-19 10:01:35
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids ( 
    bid_id STRING,
    currency_code STRING,
    bid_price DOUBLE, 
    transaction_time TIMESTAMP(3),
    WATERMARK FOR transaction_time AS transaction_time - INTERVAL '5' SECONDS
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE o1 (window_start TIMESTAMP(3), window_end TIMESTAMP(3), currency_code STRING, MovingAverageBidPrice DOUBLE) WITH ('connector'='print');
INSERT INTO o1
SELECT window_start, window_end, currency_code, ROUND(AVG(bid_price),2) AS MovingAverageBidPrice
  FROM TABLE(
    HOP(TABLE bids, DESCRIPTOR(transaction_time), INTERVAL '30' SECONDS, INTERVAL '1' MINUTE))
  GROUP BY window_start, window_end, currency_code;
-- expect stdout (unordered):
--| +I[2020-12-19T09:59:30, 2020-12-19T10:00:30, EUR, 10.0]
--| +I[2020-12-19T09:59:30, 2020-12-19T10:00:30, USD, 20.5]
--| +I[2020-12-19T10:00, 2020-12-19T10:01, EUR, 10.5]
--| +I[2020-12-19T10:00, 2020-12-19T10:01, USD, 20.5]
--| +I[2020-12-19T10:00:30, 2020-12-19T10:01:30, EUR, 11.67]
--| +I[2020-12-19T10:01, 2020-12-19T10:02, EUR, 12.33]
--| +I[2020-12-19T10:01, 2020-12-19T10:02, USD, 1.0]
--| +I[2020-12-19T10:01:30, 2020-12-19T10:02:30, USD, 1.0]
