-- scenario: a window TVF over a relation that already has window_start/window_end (a cascading window aggregation whose first level kept the names) adds a second column of each name, so a reference to one is ambiguous, as in Flink (Calcite: "Column 'window_start' is ambiguous"; Flink's docs rename the first level's columns), instead of silently grouping by the first level's columns
-- file: input/bids.csv
--| 1,10,2024-01-15 10:00:01
-- sql:
CREATE TABLE bids (item INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE VIEW per_minute AS SELECT window_start, window_end, window_time AS rowtime, SUM(price) AS partial
  FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY item, window_start, window_end, window_time;
CREATE TABLE print_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), total INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT window_start, window_end, SUM(partial)
  FROM TABLE(TUMBLE(TABLE per_minute, DESCRIPTOR(rowtime), INTERVAL '10' MINUTE)) GROUP BY window_start, window_end;
-- expect error: Column 'window_start' is ambiguous
-- expect error: job.sql:7:92
-- expect caret under: window_start
-- expect exit: non-zero
-- expect stdout (unordered):
