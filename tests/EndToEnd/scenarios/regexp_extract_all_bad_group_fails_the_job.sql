-- scenario: REGEXP_EXTRACT_ALL with a group the pattern does not have fails the job with a message naming the group and the pattern (Flink throws IndexOutOfBoundsException)
-- file: input/texts.csv
--| 1,a1b2
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, r ARRAY<STRING>) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, REGEXP_EXTRACT_ALL(s, '[a-z]([0-9])', 2) FROM texts;
-- expect error: extract group index 2 is out of range [0, 1]
-- expect exit: non-zero
