-- scenario: Flink's cascading window aggregation (docs, window-agg "Cascading Window Aggregation"): the first level keeps window_time as a time attribute under another name and renames its bounds; the second level's TUMBLE over it is a window aggregation emitting each 10 s window once
-- file: input/bids.csv
--| 1,10,2024-01-15 10:00:01
--| 2,20,2024-01-15 10:00:04
--| 1,30,2024-01-15 10:00:07
--| 2,5,2024-01-15 10:00:12
--| 1,8,2024-01-15 10:00:25
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (item INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE VIEW per_5s AS SELECT window_start AS w5_start, window_end AS w5_end, window_time AS rowtime, SUM(price) AS partial
  FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY item, window_start, window_end, window_time;
CREATE TABLE print_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total INT, parts BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT window_start, window_end, SUM(partial), COUNT(*)
  FROM TABLE(TUMBLE(TABLE per_5s, DESCRIPTOR(rowtime), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
-- expect stdout (unordered):
--| +I[2024-01-15T10:00, 2024-01-15T10:00:10, 60, 3]
--| +I[2024-01-15T10:00:10, 2024-01-15T10:00:20, 5, 1]
--| +I[2024-01-15T10:00:20, 2024-01-15T10:00:30, 8, 1]
