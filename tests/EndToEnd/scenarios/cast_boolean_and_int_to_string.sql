-- scenario: CAST(BOOLEAN AS STRING) gives upper-case TRUE/FALSE (Flink >= 1.15), CAST(INT AS STRING) the decimal digits
-- file: input/texts.csv
--| 1,true,42
--| 2,false,-7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, flag BOOLEAN, n INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, flag_text STRING, n_text STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, CAST(flag AS STRING), CAST(n AS STRING) || '!' FROM texts;
-- expect stdout (unordered):
--| +I[1, TRUE, 42!]
--| +I[2, FALSE, -7!]
