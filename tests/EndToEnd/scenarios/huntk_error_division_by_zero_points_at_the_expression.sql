-- scenario: an integer division by zero fails the running INSERT job (Flink: ArithmeticException "/ by zero"); the error names the expression as written and points at it in the script (line:column and a caret), not at the statement's first word
-- file: input/nums.csv
--| 1,10,2
--| 2,10,0
-- sql:
CREATE TABLE nums (id INT, a INT, b INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, q INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id,
       a % b
FROM nums;
-- expect error: Division by zero in '`a` % `b`'
-- expect error: job.sql:5:8
-- expect caret under: a % b
-- expect exit: non-zero
