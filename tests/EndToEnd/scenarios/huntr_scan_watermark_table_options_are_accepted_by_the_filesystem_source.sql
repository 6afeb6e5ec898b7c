-- scenario: the scan.watermark.* table options Flink's FactoryUtil takes for every connector (emit strategy, idle timeout, alignment group and drift) are accepted on a filesystem table (were 'Unsupported options'); as in Flink, whose filesystem source takes no pushed-down watermark, they do not change the result: the late row is dropped as without them
-- file: input/bids.csv
--| 1,10,1705312801000
--| 2,20,1705312804000
--| 1,30,1705312807000
--| 2,5,1705312812000
--| 1,7,1705312803000
--| 1,8,1705312825000
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (auction INT, price INT, epoch_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv',
        'scan.watermark.emit.strategy' = 'on-event', 'scan.watermark.idle-timeout' = '10 s',
        'scan.watermark.alignment.group' = 'bids', 'scan.watermark.alignment.max-drift' = '1 min',
        'scan.watermark.alignment.update-interval' = '1 s');
CREATE TABLE print_sink (window_start TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT window_start, COUNT(*), SUM(price)
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
-- expect stdout (ordered):
--| +I[2024-01-15T10:00, 3, 60]
--| +I[2024-01-15T10:00:10, 1, 5]
--| +I[2024-01-15T10:00:20, 1, 8]
