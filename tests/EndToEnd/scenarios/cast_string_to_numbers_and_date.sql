-- scenario: CAST parses strings into INT, DOUBLE, DECIMAL and DATE, and DOUBLE to INT truncates toward zero
-- file: input/texts.csv
--| 1,42,3.75,2024-01-15
--| 2,-7,-3.75,2000-02-29
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, n STRING, d STRING, day_text STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, n_plus_one INT, d_double DOUBLE, d_decimal DECIMAL(5, 2), d_int INT, day_value DATE)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, CAST(n AS INT) + 1, CAST(d AS DOUBLE), CAST(d AS DECIMAL(5, 2)),
       CAST(CAST(d AS DOUBLE) AS INT), CAST(day_text AS DATE)
FROM texts;
-- expect stdout (unordered):
--| +I[1, 43, 3.75, 3.75, 3, 2024-01-15]
--| +I[2, -6, -3.75, -3.75, -3, 2000-02-29]
