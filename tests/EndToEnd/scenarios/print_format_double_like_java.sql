-- scenario: the print sink writes DOUBLE as Java's Double.toString: shortest round-trip digits, '.0' on whole numbers, E notation below 1e-3 and from 1e7
-- file: input/xy.csv
--| 1,0.1,0.2
--| 2,2.5,2
--| 3,10000000,1
--| 4,0.0001,1
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE xy (id INT, x DOUBLE, y DOUBLE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/xy.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, x DOUBLE, s DOUBLE, p DOUBLE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, x, x + y, x * y FROM xy;
-- expect stdout (unordered):
--| +I[1, 0.1, 0.30000000000000004, 0.020000000000000004]
--| +I[2, 2.5, 4.5, 5.0]
--| +I[3, 1.0E7, 1.0000001E7, 1.0E7]
--| +I[4, 1.0E-4, 1.0001, 1.0E-4]
