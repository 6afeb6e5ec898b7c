-- scenario: CAST of a string that is not a number fails the job (Flink >= 1.15 without legacy cast behaviour) and names the bad value; the rows before the bad one reach the sink first (Flink evaluates row by row)
-- file: input/texts.csv
--| 1,42
--| 2,abc
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, n STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, n INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, CAST(n AS INT) FROM texts;
-- expect stdout (ordered):
--| +I[1, 42]
-- expect error: abc
-- expect exit: non-zero
