-- scenario: a csv DATE field that java.sql.Date.valueOf refuses (a two-digit year, month 13) fails the job naming the column and value
-- file: input/days.csv
--| 1,2024-1-5
--| 2,2024-13-01
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE days (id INT, d DATE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/days.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, d DATE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, d FROM days;
-- expect error: column 'd': '2024-13-01' is not a DATE
