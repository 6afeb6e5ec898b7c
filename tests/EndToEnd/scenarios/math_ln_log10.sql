-- scenario: LN and LOG10 return DOUBLE logarithms
-- file: input/nums.csv
--| 1,1
--| 2,100
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, n DOUBLE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, ln_n DOUBLE, log10_n DOUBLE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, LN(n), LOG10(n) FROM nums;
-- expect stdout (unordered):
--| +I[1, 0.0, 0.0]
--| +I[2, 4.605170185988092, 2.0]
