-- scenario: an OVER call in a window aggregation's SELECT ordered by window_time (its rowtime): a running SUM of each bidder's window totals, emitted once per window as the watermark passes it
-- file: input/bids.csv
--| 1,alice,150,2026-01-01 00:00:01
--| 2,bob,80,2026-01-01 00:00:02
--| 3,alice,300,2026-01-01 00:00:07
--| 4,bob,120,2026-01-01 00:00:12
--| 5,carol,500,2026-01-01 00:00:13
--| 6,alice,150,2026-01-01 00:00:25
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (window_start TIMESTAMP(3), bidder STRING, total INT, running INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT window_start, bidder, SUM(price), SUM(SUM(price)) OVER (PARTITION BY bidder ORDER BY window_time)
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, window_time, bidder;
-- expect stdout (unordered):
--| +I[2026-01-01T00:00, alice, 450, 450]
--| +I[2026-01-01T00:00, bob, 80, 80]
--| +I[2026-01-01T00:00:10, bob, 120, 200]
--| +I[2026-01-01T00:00:10, carol, 500, 500]
--| +I[2026-01-01T00:00:20, alice, 150, 600]
