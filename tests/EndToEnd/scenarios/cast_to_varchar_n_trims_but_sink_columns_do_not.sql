-- scenario: an explicit CAST to VARCHAR(n) / CHAR(n) trims or pads to n (Flink >= 1.15), for literals and columns alike; writing a longer string into a VARCHAR(n) sink column keeps it whole ('table.exec.sink.type-length-enforcer' is IGNORE by default)
-- file: input/words.csv
--| abcdef
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE words (w STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/words.csv', 'format' = 'csv');
CREATE TABLE print_sink (a STRING, b STRING, c STRING, d VARCHAR(3)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT CAST('abcdef' AS VARCHAR(3)), CAST(w AS VARCHAR(2)), CAST('ab' AS CHAR(4)) || '|', w FROM words;
-- expect stdout (ordered):
--| +I[abc, ab, ab  |, abcdef]
