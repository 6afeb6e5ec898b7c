-- scenario: a simple CASE may list several values in one WHEN (CASE x WHEN 1, 2 THEN ...), as in Flink/Calcite: the branch is taken when the operand equals any of them, the first matching WHEN wins, a NULL operand matches none
-- file: input/codes.csv
--| 1,1
--| 2,2
--| 3,3
--| 4,7
--| 5,
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE codes (id INT, code INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/codes.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, band STRING, n INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id,
       CASE code WHEN 1, 2 THEN 'low' WHEN 3, 2 THEN 'mid' ELSE 'other' END,
       CASE code + 1 WHEN 2, 4, 8 THEN 100 END
FROM codes;
-- expect stdout (unordered):
--| +I[1, low, 100]
--| +I[2, low, null]
--| +I[3, mid, 100]
--| +I[4, other, 100]
--| +I[5, other, null]
