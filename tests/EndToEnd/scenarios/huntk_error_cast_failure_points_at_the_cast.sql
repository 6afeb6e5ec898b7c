-- scenario: a CAST of a string that is no number fails the job (Flink: NumberFormatException, the job fails); with table.dml-sync the statement reports it once, pointing at the CAST in the script with a caret
-- file: input/codes.csv
--| 1,42
--| 2,4x2
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE codes (id INT, code STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/codes.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, n INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, CAST(code AS INT) FROM codes;
-- expect error: Cannot cast '4x2' to INT
-- expect error: job.sql:4:35
-- expect caret under: CAST(code AS INT)
-- expect exit: non-zero
