-- scenario: with table.local-time-zone UTC, FROM_UNIXTIME formats epoch seconds and UNIX_TIMESTAMP parses back to them; TO_DATE parses dates
-- file: input/events.csv
--| 1,1705314600,2024-01-15 10:30:00
--| 2,0,1970-01-01 00:00:00
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TABLE events (id INT, secs BIGINT, txt STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, as_text STRING, as_day STRING, parsed BIGINT, diff BIGINT, d1 DATE, d2 DATE)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, FROM_UNIXTIME(secs), FROM_UNIXTIME(secs, 'yyyy-MM-dd'), UNIX_TIMESTAMP(txt), UNIX_TIMESTAMP(txt) - secs,
       TO_DATE('2024-03-01'), TO_DATE('01.03.2024', 'dd.MM.yyyy')
FROM events;
-- expect stdout (unordered):
--| +I[1, 2024-01-15 10:30:00, 2024-01-15, 1705314600, 0, 2024-03-01, 2024-03-01]
--| +I[2, 1970-01-01 00:00:00, 1970-01-01, 0, 0, 2024-03-01, 2024-03-01]
