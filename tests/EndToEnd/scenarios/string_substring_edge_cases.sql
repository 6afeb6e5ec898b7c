-- scenario: SUBSTRING is 1-based; position 0 starts at the first character, a negative position counts from the end, a start past the end gives '' and a length past the end stops at the end
-- file: input/texts.csv
--| 1,hello
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, from2for3 STRING, from0for2 STRING, last3 STRING, past_end STRING,
  long_len STRING, from2 STRING) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, SUBSTRING(s FROM 2 FOR 3), SUBSTRING(s, 0, 2), SUBSTRING(s, -3), CONCAT('<', SUBSTRING(s, 10), '>'),
       SUBSTRING(s, 2, 100), SUBSTRING(s FROM 2)
FROM texts;
-- expect stdout (unordered):
--| +I[1, ell, he, llo, <>, ello, ello]
