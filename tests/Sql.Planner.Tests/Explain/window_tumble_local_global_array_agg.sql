EXPLAIN
SELECT bidder, window_start, window_end, ARRAY_AGG(price) AS prices
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end;
