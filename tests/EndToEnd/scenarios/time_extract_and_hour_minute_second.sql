-- scenario: EXTRACT and HOUR/MINUTE/SECOND return BIGINT fields of a TIMESTAMP
-- file: input/events.csv
--| 1,2024-01-15 10:30:45
--| 2,2023-12-31 23:59:59
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, y BIGINT, mo BIGINT, d BIGINT, h BIGINT, mi BIGINT, s BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, EXTRACT(YEAR FROM ts), EXTRACT(MONTH FROM ts), EXTRACT(DAY FROM ts), HOUR(ts), MINUTE(ts), SECOND(ts)
FROM events;
-- expect stdout (unordered):
--| +I[1, 2024, 1, 15, 10, 30, 45]
--| +I[2, 2023, 12, 31, 23, 59, 59]
