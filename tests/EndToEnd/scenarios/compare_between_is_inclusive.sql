-- scenario: BETWEEN includes both bounds, NOT BETWEEN is its negation, and BETWEEN with the bounds swapped matches nothing (ASYMMETRIC is the default)
-- file: input/nums.csv
--| 1,1
--| 2,2
--| 3,4
--| 4,5
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, n INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, inside BOOLEAN, outside BOOLEAN, swapped BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, n BETWEEN 2 AND 4, n NOT BETWEEN 2 AND 4, n BETWEEN 4 AND 2 FROM nums;
-- expect stdout (unordered):
--| +I[1, false, true, false]
--| +I[2, true, false, false]
--| +I[3, true, false, false]
--| +I[4, false, true, false]
