-- scenario: SESSION window table function (5 s gap, PARTITION BY auction): per auction rows less than the gap apart form one session; an out-of-order row that touches two open sessions merges them; a session fires once when the watermark passes its end - 1 ms (window_end = last row + gap); a row whose own session would already have fired is dropped
-- file: input/bids.csv
--| 1,10,2024-01-15 10:00:03
--| 1,20,2024-01-15 10:00:12
--| 1,30,2024-01-15 10:00:07
--| 2,5,2024-01-15 10:00:10
--| 1,8,2024-01-15 10:00:30
--| 2,9,2024-01-15 10:00:14
--| 1,100,2024-01-15 10:00:33
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (auction INT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT, total INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT auction, window_start, window_end, COUNT(*), SUM(price)
FROM TABLE(SESSION(TABLE bids PARTITION BY auction, DESCRIPTOR(ts), INTERVAL '5' SECOND))
GROUP BY auction, window_start, window_end;
-- expect stdout (unordered):
--| +I[1, 2024-01-15T10:00:03, 2024-01-15T10:00:17, 3, 60]
--| +I[2, 2024-01-15T10:00:10, 2024-01-15T10:00:15, 1, 5]
--| +I[1, 2024-01-15T10:00:30, 2024-01-15T10:00:38, 2, 108]
