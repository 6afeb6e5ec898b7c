EXPLAIN CHANGELOG_MODE SELECT auction, price, window_start, window_end, window_time
FROM TABLE(HOP(DATA => TABLE bids, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '1' MINUTE, SIZE => INTERVAL '3' MINUTE));
