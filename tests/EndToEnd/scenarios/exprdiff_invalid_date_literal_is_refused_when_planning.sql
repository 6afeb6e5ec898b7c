-- scenario: a string literal compared with a DATE that is no date is refused when planning, in the words of Flink's ScalarOperatorsValidationTest ("Error when casting CHAR(7) NOT NULL to DATE"), not compared as NULL
-- file: input/days.csv
--| 1,2024-01-05
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE days (id INT, d DATE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/days.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM days WHERE d = 'invalid';
-- expect error: Error when casting CHAR(7) NOT NULL to DATE
-- expect caret under: d = 'invalid'
