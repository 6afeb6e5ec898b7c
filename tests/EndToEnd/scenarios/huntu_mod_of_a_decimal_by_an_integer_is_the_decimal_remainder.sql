-- scenario: MOD of a DECIMAL(19, 0) by an INT is typed INT but takes the remainder of the whole dividend (Flink's MathFunctionsITCase: MOD(1514356320000, 6) = 0), and DECIMAL + - / keep Flink's result types
-- file: input/amounts.csv
--| 1,1514356320000,44,3
--| 2,-1514356320007,7,-4
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE amounts (id INT, d DECIMAL(19, 0), b BIGINT, i INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/amounts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, mod6 INT, mod_col INT, mod_self DECIMAL(19, 0), mod_big INT, plus6 DECIMAL(20, 0), div6 DECIMAL(30, 11), mod_type STRING) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, MOD(d, 6), MOD(d, i), MOD(d, d), MOD(b, i), d + 6, d / 6, TYPEOF(MOD(d, 6)) FROM amounts;
-- expect stdout (unordered):
--| +I[1, 0, 0, 0, 2, 1514356320006, 252392720000.00000000000, INT]
--| +I[2, -1, -3, 0, 3, -1514356320001, -252392720001.16666666667, INT]
