-- scenario: late-fire with a delay longer than the allowed lateness (here the state TTL, Flink's minIdleStateRetentionTime) is refused with Flink's message giving both in milliseconds
-- file: input/bids.csv
--| 1,10,1705312801000
--| 2,20,1705312804000
--| 1,30,1705312807000
--| 2,5,1705312812000
--| 1,7,1705312803000
--| 1,8,1705312825000
-- sql:
SET 'table.exec.emit.late-fire.enabled' = 'true';
SET 'table.exec.emit.late-fire.delay' = '2 h';
SET 'table.exec.state.ttl' = '1 h';
CREATE TABLE bids (auction INT, price INT, epoch_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (s TIMESTAMP(3), n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT TUMBLE_START(ts, INTERVAL '10' SECOND), COUNT(*) FROM bids GROUP BY TUMBLE(ts, INTERVAL '10' SECOND);
-- expect error: Allow-lateness [3600000ms] should not be smaller than Late-fire delay [7200000ms] when enable late-fire emit strategy.
