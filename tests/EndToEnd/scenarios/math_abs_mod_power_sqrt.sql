-- scenario: ABS and MOD on INT stay INT (MOD takes the dividend's sign), POWER and SQRT return DOUBLE
-- file: input/nums.csv
--| 1,-5,16
--| 2,7,9
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, a INT, b INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, abs_a INT, mod_a INT, pow_b DOUBLE, sqrt_b DOUBLE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, ABS(a), MOD(a, 3), POWER(b, 2), SQRT(b) FROM nums;
-- expect stdout (unordered):
--| +I[1, 5, -2, 256.0, 4.0]
--| +I[2, 7, 1, 81.0, 3.0]
