-- scenario: UPPER and LOWER change letters including non-ASCII ones, CHAR_LENGTH counts characters not bytes
-- file: input/texts.csv
--| 1,Hello World
--| 2,Äöü x
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, up STRING, low STRING, len INT, len2 INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, UPPER(s), LOWER(s), CHAR_LENGTH(s), CHARACTER_LENGTH(s) FROM texts;
-- expect stdout (unordered):
--| +I[1, HELLO WORLD, hello world, 11, 11]
--| +I[2, ÄÖÜ X, äöü x, 5, 5]
