-- scenario: DATE_FORMAT formats a TIMESTAMP with a Java pattern; TO_TIMESTAMP parses with the default 'yyyy-MM-dd HH:mm:ss' or a given pattern into TIMESTAMP(3)
-- file: input/events.csv
--| 1,2024-01-15 10:30:45,15/01/2024 08:05
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, ts TIMESTAMP(3), txt STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, formatted STRING, parsed TIMESTAMP(3), parsed_default TIMESTAMP(3))
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, DATE_FORMAT(ts, 'yyyy/MM/dd HH:mm'), TO_TIMESTAMP(txt, 'dd/MM/yyyy HH:mm'), TO_TIMESTAMP('2024-02-29 12:00:00')
FROM events;
-- expect stdout (unordered):
--| +I[1, 2024/01/15 10:30, 2024-01-15T08:05, 2024-02-29T12:00]
