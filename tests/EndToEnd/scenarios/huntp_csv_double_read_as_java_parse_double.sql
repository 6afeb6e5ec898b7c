-- scenario: the csv format reads FLOAT and DOUBLE with Java's parsers, as Flink's does: a type suffix (1.5d, 2f) and a signed NaN or Infinity are numbers
-- file: input/numbers.csv
--| 1,1.5d,2f
--| 2,+Infinity,-Infinity
--| 3,1e3,.5F
--| 4,+NaN,3.
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE numbers (id INT, d DOUBLE, f FLOAT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/numbers.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, d DOUBLE, f FLOAT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, d, f FROM numbers;
-- expect stdout (unordered):
--| +I[1, 1.5, 2.0]
--| +I[2, Infinity, -Infinity]
--| +I[3, 1000.0, 0.5]
--| +I[4, NaN, 3.0]
