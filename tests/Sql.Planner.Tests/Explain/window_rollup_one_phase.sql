SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE';
EXPLAIN SELECT auction, channel, window_start, window_end, COUNT(DISTINCT bidder) AS uv, MAX(auction) AS top,
  GROUPING(channel) AS g, GROUPING_ID(auction, channel) AS gid
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '15' MINUTE))
GROUP BY ROLLUP (auction, channel), window_start, window_end;
