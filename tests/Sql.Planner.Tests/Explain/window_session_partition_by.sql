EXPLAIN SELECT bidder, window_start, window_end, SUM(price)
FROM TABLE(SESSION(TABLE bids PARTITION BY bidder, DESCRIPTOR(ts), INTERVAL '5' MINUTES))
GROUP BY bidder, window_start, window_end;
