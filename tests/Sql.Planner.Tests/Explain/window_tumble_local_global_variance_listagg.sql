EXPLAIN
SELECT auction, window_start, window_end, VAR_SAMP(price) AS spread, LISTAGG(channel, '|') AS channels
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end;
