-- scenario: TRY_CAST returns NULL instead of failing when the value cannot be converted
-- file: input/texts.csv
--| 1,42
--| 2,abc
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, n STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, as_int INT, as_double DOUBLE) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, TRY_CAST(n AS INT), TRY_CAST(n AS DOUBLE) FROM texts;
-- expect stdout (unordered):
--| +I[1, 42, 42.0]
--| +I[2, null, null]
