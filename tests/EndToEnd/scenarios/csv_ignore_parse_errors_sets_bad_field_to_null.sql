-- scenario: with 'csv.ignore-parse-errors' a field that cannot be parsed becomes NULL and the row is kept (Flink: "Fields are set to null in case of errors")
-- file: input/nums.csv
--| 1,10
--| 2,abc
--| 3,30
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TABLE print_sink (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, qty FROM nums;
-- expect stdout (unordered):
--| +I[1, 10]
--| +I[2, null]
--| +I[3, 30]
