-- scenario: = <> < <= > >= compare numbers by value and strings lexicographically
-- file: input/rows.csv
--| 1,b,10
--| 2,a,20
--| 3,c,10
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE src (id INT, s STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rows.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, s_lt_b BOOLEAN, s_ge_b BOOLEAN, n_eq_10 BOOLEAN, n_ne_10 BOOLEAN,
  n_gt_15 BOOLEAN, n_le_10 BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, s < 'b', s >= 'b', n = 10, n <> 10, n > 15, n <= 10 FROM src;
-- expect stdout (unordered):
--| +I[1, false, true, true, false, false, true]
--| +I[2, true, false, false, true, true, false]
--| +I[3, false, true, true, false, false, true]
