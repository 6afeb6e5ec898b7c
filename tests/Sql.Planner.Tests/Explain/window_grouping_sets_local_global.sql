EXPLAIN CHANGELOG_MODE SELECT window_start, window_end, channel, SUM(price) AS total
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))
GROUP BY window_start, window_end, GROUPING SETS ((channel), ());
