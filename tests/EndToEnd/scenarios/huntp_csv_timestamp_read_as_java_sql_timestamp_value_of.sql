-- scenario: the csv format reads TIMESTAMP as java.sql.Timestamp.valueOf does too: one-digit month, day and clock fields, fields past their range rolling over
-- file: input/events.csv
--| 1,2024-01-05 10:11:12
--| 2,2024-1-5 9:5:7
--| 3,2024-1-5 9:05:07.5
--| 4,2023-12-31 24:00:00
--| 5,2024-01-05 10:11:12.123456789
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, ts TIMESTAMP(9)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, ts TIMESTAMP(9)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, ts FROM events;
-- expect stdout (unordered):
--| +I[1, 2024-01-05T10:11:12]
--| +I[2, 2024-01-05T09:05:07]
--| +I[3, 2024-01-05T09:05:07.500]
--| +I[4, 2024-01-01T00:00]
--| +I[5, 2024-01-05T10:11:12.123456789]
