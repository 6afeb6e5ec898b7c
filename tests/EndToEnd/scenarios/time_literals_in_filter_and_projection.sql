-- scenario: TIMESTAMP and DATE literals compare with columns in WHERE, and a DATE plus a day INTERVAL is the next DATE
-- file: input/events.csv
--| 1,2024-01-15 09:59:59,2024-01-15
--| 2,2024-01-15 10:00:00,2024-02-28
--| 3,2024-01-15 10:59:59.999,2024-02-29
--| 4,2024-01-15 11:00:00,2024-12-31
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, ts TIMESTAMP(3), d DATE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, ts TIMESTAMP(3), next_day DATE, after_feb BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, ts, d + INTERVAL '1' DAY, d > DATE '2024-02-28'
FROM events
WHERE ts >= TIMESTAMP '2024-01-15 10:00:00' AND ts < TIMESTAMP '2024-01-15 11:00:00';
-- expect stdout (unordered):
--| +I[2, 2024-01-15T10:00, 2024-02-29, false]
--| +I[3, 2024-01-15T10:59:59.999, 2024-03-01, true]
