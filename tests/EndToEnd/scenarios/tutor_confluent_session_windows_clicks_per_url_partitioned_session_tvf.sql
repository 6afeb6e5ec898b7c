-- scenario: confluentinc/tutorials session-windows (Flink SQL): SESSION(TABLE clicks PARTITION BY url, DESCRIPTOR(click_ts), INTERVAL '2' MINUTES) counted per url, over the tutorial's eleven clicks in the tutorial's order (a csv file in place of kafka; the file is read before the first periodic watermark, so the out-of-order jeep-stuff clicks are not late, as the tutorial's output shows). The file ends, so the sessions the tutorial's open topic still holds fire too: the tractors click a day later is its own session. Expected rows from the tutorial's output plus that session
-- file: input/clicks.csv
--| 9.62.201.241,/acme/jeep-stuff/,2023-07-09 01:00:00
--| 122.65.213.141,/farm-for-all/chickens/,2023-07-09 02:00:10
--| 122.65.213.141,/farm-for-all/chickens/,2023-07-09 02:00:20
--| 122.65.213.141,/farm-for-all/chickens/,2023-07-09 02:01:00
--| 9.62.201.241,/acme/jeep-stuff/,2023-07-09 01:00:30
--| 9.62.201.241,/acme/jeep-stuff/,2023-07-09 01:01:00
--| 21.229.87.11,/amc-rio/movies/,2023-07-09 09:00:00
--| 234.112.107.50,/trips/packages/,2023-07-09 12:00:00
--| 21.229.87.11,/amc-rio/movies/,2023-07-09 09:00:30
--| 122.65.213.141,/farm-for-all/tractors/,2023-07-09 02:30:00
--| 122.65.213.141,/farm-for-all/tractors/,2023-07-10 02:31:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE clicks (
    ip STRING,
    url STRING,
    click_ts TIMESTAMP(3),
  -- declare ts as event time attribute and use strictly ascending timestamp watermark strategy
    WATERMARK FOR click_ts AS click_ts
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE click_sessions (url STRING, visited_count BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO click_sessions
SELECT url,
    COUNT(url) AS visited_count,
    window_start,
    window_end
FROM TABLE(SESSION(TABLE clicks PARTITION BY url, DESCRIPTOR(click_ts), INTERVAL '2' MINUTES))
GROUP BY url, window_start, window_end;
-- expect stdout (unordered):
--| +I[/acme/jeep-stuff/, 3, 2023-07-09T01:00, 2023-07-09T01:03]
--| +I[/farm-for-all/chickens/, 3, 2023-07-09T02:00:10, 2023-07-09T02:03]
--| +I[/farm-for-all/tractors/, 1, 2023-07-09T02:30, 2023-07-09T02:32]
--| +I[/farm-for-all/tractors/, 1, 2023-07-10T02:31, 2023-07-10T02:33]
--| +I[/amc-rio/movies/, 2, 2023-07-09T09:00, 2023-07-09T09:02:30]
--| +I[/trips/packages/, 1, 2023-07-09T12:00, 2023-07-09T12:02]
