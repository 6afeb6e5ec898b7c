-- scenario: a window TVF on its own plans but the runtime has no window table function operator yet: the INSERT fails at submission with a message naming the operator, not a crash
-- sql:
CREATE TABLE bids (auction BIGINT, price BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (auction BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT auction, window_start, window_end FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND));
-- expect error: the runtime cannot run WindowTableFunctionSpec yet (WindowTableFunction(window=[HOP(time_col=[ts], size=[10 s], slide=[5 s])]))
-- expect exit: non-zero
