-- scenario: the csv format reads DATE as java.sql.Date.valueOf does: one-digit months and days, a day past the month's end rolling over
-- file: input/days.csv
--| 1,2024-1-5
--| 2,2024-01-05
--| 3,2024-12-31
--| 4,2023-2-30
--| 5,1999-11-7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE days (id INT, d DATE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/days.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, d DATE, next_day DATE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, d, d + INTERVAL '1' DAY FROM days;
-- expect stdout (unordered):
--| +I[1, 2024-01-05, 2024-01-06]
--| +I[2, 2024-01-05, 2024-01-06]
--| +I[3, 2024-12-31, 2025-01-01]
--| +I[4, 2023-03-02, 2023-03-03]
--| +I[5, 1999-11-07, 1999-11-08]
