-- scenario: INT arithmetic stays INT: division truncates toward zero and MOD keeps the sign of the dividend
-- file: input/nums.csv
--| 1,7,2
--| 2,-7,2
--| 3,6,3
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, a INT, b INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, s INT, d INT, p INT, q INT, r INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, a + b, a - b, a * b, a / b, MOD(a, b) FROM nums;
-- expect stdout (unordered):
--| +I[1, 9, 5, 14, 3, 1]
--| +I[2, -5, -9, -14, -3, -1]
--| +I[3, 9, 3, 18, 2, 0]
