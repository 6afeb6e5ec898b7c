-- scenario: TIMESTAMP plus or minus a day-time INTERVAL moves across day, month and year boundaries
-- file: input/events.csv
--| 1,2024-01-15 10:00:00
--| 2,2024-12-31 23:30:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, next_day TIMESTAMP(3), earlier TIMESTAMP(3), later TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, ts + INTERVAL '1' DAY, ts - INTERVAL '90' MINUTE, ts + INTERVAL '45' SECOND FROM events;
-- expect stdout (unordered):
--| +I[1, 2024-01-16T10:00, 2024-01-15T08:30, 2024-01-15T10:00:45]
--| +I[2, 2025-01-01T23:30, 2024-12-31T22:00, 2024-12-31T23:30:45]
