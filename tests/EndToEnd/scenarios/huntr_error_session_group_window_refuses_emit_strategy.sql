-- scenario: GROUP BY SESSION(...) with early-fire enabled is refused as Flink's WindowEmitStrategy refuses it
-- file: input/bids.csv
--| 1,10,1705312801000
--| 2,20,1705312804000
--| 1,30,1705312807000
--| 2,5,1705312812000
--| 1,7,1705312803000
--| 1,8,1705312825000
-- sql:
SET 'table.exec.emit.early-fire.enabled' = 'true';
SET 'table.exec.emit.early-fire.delay' = '0 s';
CREATE TABLE bids (auction INT, price INT, epoch_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (s TIMESTAMP(3), n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT SESSION_START(ts, INTERVAL '10' SECOND), COUNT(*) FROM bids GROUP BY SESSION(ts, INTERVAL '10' SECOND);
-- expect error: Session window doesn't support EMIT strategy currently.
-- expect caret under: GROUP BY SESSION
