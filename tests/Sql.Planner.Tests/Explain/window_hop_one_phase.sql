SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE';
EXPLAIN SELECT window_start, window_end, window_time, COUNT(DISTINCT bidder), SUM(price) FILTER (WHERE price > 10)
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))
GROUP BY window_start, window_end, window_time;
