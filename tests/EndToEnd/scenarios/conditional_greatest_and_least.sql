-- scenario: GREATEST and LEAST pick the largest / smallest operand in their common type and give NULL when any operand is NULL
-- file: input/nums.csv
--| 1,5,9,2
--| 2,-3,-7,
--| 3,4,4,4
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, a INT, b INT, c INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TABLE print_sink (id INT, g INT, l INT, gd DECIMAL(11, 1), ld DATE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, GREATEST(a, b, c), LEAST(a, b, c), GREATEST(a, 2.5), LEAST(DATE '2024-01-02', DATE '2024-01-01') FROM nums;
-- expect stdout (unordered):
--| +I[1, 9, 2, 5.0, 2024-01-01]
--| +I[2, null, null, 2.5, 2024-01-01]
--| +I[3, 4, 4, 4.0, 2024-01-01]
