-- scenario: ROUND rounds half away from zero (HALF_UP) for DECIMAL and DOUBLE, FLOOR and CEIL go down and up, also for negatives
-- file: input/nums.csv
--| 1,1.25,2.5
--| 2,-1.25,-2.5
--| 3,1.24,0.4
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, d DECIMAL(10, 2), x DOUBLE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, d_round1 DECIMAL(10, 1), x_round0 DOUBLE, x_floor DOUBLE, x_ceil DOUBLE)
  WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, ROUND(d, 1), ROUND(x, 0), FLOOR(x), CEIL(x) FROM nums;
-- expect stdout (unordered):
--| +I[1, 1.3, 3.0, 2.0, 3.0]
--| +I[2, -1.3, -3.0, -3.0, -2.0]
--| +I[3, 1.2, 0.0, 0.0, 1.0]
