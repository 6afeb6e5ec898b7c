-- scenario: confluentinc/tutorials deduplication-windowed (Flink SQL): window deduplication (ROW_NUMBER() OVER (PARTITION BY window_start, window_end, ip_address, url ORDER BY ts) ... WHERE rownum <= 1 over a 1 h TUMBLE) of the tutorial's seven clicks (a csv file in place of kafka, WATERMARK FOR ts AS ts as written). The tutorial's unbounded topic leaves the 03:00 window open; the file ends, its final watermark fires every window, so 03:00-04:00 is there too. Expected rows derived from Flink's window deduplication semantics (one row per ip/url and window)
-- file: input/clicks.csv
--| 10.0.0.1,https://acme.com/index.html,2023-07-09 01:00:00
--| 10.0.0.12,https://amazon.com/index.html,2023-07-09 01:10:00
--| 10.0.0.13,https://confluent/index.html,2023-07-09 01:20:00
--| 10.0.0.1,https://acme.com/index.html,2023-07-09 01:30:00
--| 10.0.0.12,https://amazon.com/index.html,2023-07-09 01:40:00
--| 10.0.0.1,https://acme.com/index.html,2023-07-09 02:10:00
--| 10.0.0.1,https://acme.com/index.html,2023-07-09 03:10:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE clicks (
    ip_address VARCHAR,
    url VARCHAR,
    ts TIMESTAMP(3),
    -- declare ts as event time attribute and use strictly ascending timestamp watermark strategy
    WATERMARK FOR ts AS ts
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE deduplicated_clicks (window_start TIMESTAMP(3), window_end TIMESTAMP(3), ip_address STRING, url STRING) WITH ('connector' = 'print');
INSERT INTO deduplicated_clicks
SELECT window_start, window_end, ip_address, url
FROM (
        SELECT window_start, window_end, ip_address, url,
               ROW_NUMBER() OVER ( PARTITION BY window_start, window_end, ip_address, url ORDER BY ts ) AS rownum
        FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' HOUR))
     )
WHERE rownum <= 1;
-- expect stdout (unordered):
--| +I[2023-07-09T01:00, 2023-07-09T02:00, 10.0.0.1, https://acme.com/index.html]
--| +I[2023-07-09T01:00, 2023-07-09T02:00, 10.0.0.12, https://amazon.com/index.html]
--| +I[2023-07-09T01:00, 2023-07-09T02:00, 10.0.0.13, https://confluent/index.html]
--| +I[2023-07-09T02:00, 2023-07-09T03:00, 10.0.0.1, https://acme.com/index.html]
--| +I[2023-07-09T03:00, 2023-07-09T04:00, 10.0.0.1, https://acme.com/index.html]
