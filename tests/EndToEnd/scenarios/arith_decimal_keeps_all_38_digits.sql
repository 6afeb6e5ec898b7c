-- scenario: DECIMAL holds Flink's full 38 digits in literals, casts from text, CSV in and out, arithmetic and comparisons; a result beyond its precision is NULL
-- file: input/amounts.csv
--| 1,12345678901234567890123456789012345678,0.63
--| 2,-99999999999999999999999999999999999999,1.50
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE amounts (id INT, big DECIMAL(38, 0), small DECIMAL(10, 2)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/amounts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, folded DECIMAL(38, 4), parsed DECIMAL(38, 0), plus_one DECIMAL(38, 0), half DECIMAL(38, 1),
  seventh DECIMAL(21, 13), above_half BOOLEAN) WITH ('connector' = 'print');
CREATE TABLE out_csv (id INT, plus_one DECIMAL(38, 0), half DECIMAL(38, 1)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO print_sink SELECT id, CAST(0.63 AS DECIMAL(38, 4)), CAST('12345678901234567890123456789012345678' AS DECIMAL(38, 0)),
  big + 1, big * 0.5, small / 7, big > 0.5 FROM amounts;
INSERT INTO out_csv SELECT id, big + 1, big * 0.5 FROM amounts;
-- expect stdout (unordered):
--| +I[1, 0.6300, 12345678901234567890123456789012345678, 12345678901234567890123456789012345679, 6172839450617283945061728394506172839.0, 0.0900000000000, true]
--| +I[2, 0.6300, 12345678901234567890123456789012345678, -99999999999999999999999999999999999998, null, 0.2142857142857, false]
-- expect files ${SCRATCH}/out (unordered):
--| 1,"12345678901234567890123456789012345679","6172839450617283945061728394506172839.0"
--| 2,"-99999999999999999999999999999999999998",
