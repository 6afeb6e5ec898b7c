-- scenario: LPAD/RPAD repeat the pad string to reach the length and shorten a longer string to that length
-- file: input/texts.csv
--| 1,hi
--| 2,hello
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, l5 STRING, r5 STRING, l3 STRING, r3 STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, LPAD(s, 5, 'xy'), RPAD(s, 5, 'xy'), LPAD(s, 3, '*'), RPAD(s, 3, '*') FROM texts;
-- expect stdout (unordered):
--| +I[1, xyxhi, hixyx, *hi, hi*]
--| +I[2, hello, hello, hel, hel]
