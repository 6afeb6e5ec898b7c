-- scenario: a window TVF aggregation plans (EXPLAIN works) but the runtime has no window operator yet: the INSERT fails at submission with a message naming the operator (the Local phase of the two-phase plan comes first), not a crash
-- sql:
CREATE TABLE bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (auction BIGINT, window_start TIMESTAMP(3), n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT auction, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end;
-- expect error: the runtime cannot run WindowAggregateSpec yet (LocalWindowAggregate(groupBy=[auction], window=[TUMBLE(time_col=[ts], size=[10 s])], select=[auction, COUNT(*) AS count1$0, slice_end('w$) AS $slice_end]))
-- expect exit: non-zero
