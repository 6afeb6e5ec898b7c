SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE';
EXPLAIN SELECT window_start, window_end, auction, channel, COUNT(*) AS n
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))
WHERE window_start >= TIMESTAMP '2026-01-01 00:00:00'
GROUP BY window_start, window_end, CUBE (auction, channel);
