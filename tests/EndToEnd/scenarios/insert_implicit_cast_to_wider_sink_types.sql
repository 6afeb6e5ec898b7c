-- scenario: INSERT casts query columns implicitly to wider sink types (INT into BIGINT and DOUBLE), the print sink then shows the sink type
-- file: input/nums.csv
--| 1,5
--| 2,-3
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nums (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nums.csv', 'format' = 'csv');
CREATE TABLE print_sink (id BIGINT, qty DOUBLE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, qty FROM nums;
-- expect stdout (unordered):
--| +I[1, 5.0]
--| +I[2, -3.0]
