-- scenario: a string column compared with a DATE is cast to DATE, and a value that is no date compares as NULL at run time (ScalarOperatorsTest: f15 = uuid()), while a valid literal is compared as a date
-- file: input/days.csv
--| 1,2024-01-05,2024-01-05
--| 2,2024-01-05,not a date
--| 3,2024-01-06,2024-1-6
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE days (id INT, d DATE, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/days.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, same BOOLEAN, first_day BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, d = s, d = '2024-01-05' FROM days;
-- expect stdout (unordered):
--| +I[1, true, true]
--| +I[2, null, true]
--| +I[3, true, false]
