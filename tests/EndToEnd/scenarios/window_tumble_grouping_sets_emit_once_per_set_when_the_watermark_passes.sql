-- scenario: TUMBLE window aggregation with GROUPING SETS ((auction), ()) emits, when the watermark passes a window's end, one insert-only row per auction and one over all auctions (auction NULL, GROUPING 1); rows of windows that already fired are dropped from every set (one row per batch, a watermark ts - 2 s after each)
-- file: input/bids.csv
--| 1,10,2024-01-15 10:00:01
--| 2,20,2024-01-15 10:00:04
--| 1,30,2024-01-15 10:00:07
--| 2,5,2024-01-15 10:00:12
--| 1,7,2024-01-15 10:00:03
--| 1,8,2024-01-15 10:00:25
--| 2,9,2024-01-15 10:00:11
--| 1,100,2024-01-15 10:00:02
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (auction INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT, top INT, g BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT auction, window_start, window_end, COUNT(*), MAX(price), GROUPING(auction)
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, GROUPING SETS ((auction), ());
-- expect stdout (ordered):
--| +I[1, 2024-01-15T10:00, 2024-01-15T10:00:10, 2, 30, 0]
--| +I[null, 2024-01-15T10:00, 2024-01-15T10:00:10, 3, 30, 1]
--| +I[2, 2024-01-15T10:00, 2024-01-15T10:00:10, 1, 20, 0]
--| +I[2, 2024-01-15T10:00:10, 2024-01-15T10:00:20, 1, 5, 0]
--| +I[null, 2024-01-15T10:00:10, 2024-01-15T10:00:20, 1, 5, 1]
--| +I[1, 2024-01-15T10:00:20, 2024-01-15T10:00:30, 1, 8, 0]
--| +I[null, 2024-01-15T10:00:20, 2024-01-15T10:00:30, 1, 8, 1]
