-- scenario: integer division by zero fails the job with an error saying so, after the rows before the bad one reached the sink (Flink evaluates row by row)
-- file: input/nums.csv
--| 1,10,2
--| 2,10,0
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, a INT, b INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, q INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, a / b FROM nums;
-- expect stdout (ordered):
--| +I[1, 5]
-- expect error: by zero
-- expect exit: non-zero
