-- scenario: early firing of a GROUP BY HOP window (which Flink runs) is not supported yet: refused at plan time with a message naming the option and pointing at the query, instead of silently firing once
-- file: input/bids.csv
--| 1,10,1705312801000
-- sql:
SET 'table.exec.emit.early-fire.enabled' = 'true';
SET 'table.exec.emit.early-fire.delay' = '1 s';
CREATE TABLE bids (auction INT, price INT, epoch_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT COUNT(*) FROM bids GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND);
-- expect error: early and late firings of a HOP group window ('table.exec.emit.early-fire.enabled', 'table.exec.emit.late-fire.enabled'); TUMBLE group windows support them
-- expect exit: non-zero
