-- scenario: with 'table.exec.sink.type-length-enforcer' = 'TRIM_PAD' a string longer than its VARCHAR(n) sink column is trimmed to n, a CHAR(n) column is padded (Flink's ConstraintEnforcer); IGNORE (the default) keeps it whole
-- file: input/words.csv
--| abcdef
--| a
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE words (w STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/words.csv', 'format' = 'csv');
CREATE TABLE print_sink (v VARCHAR(3), c CHAR(3)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT w, w FROM words;
SET 'table.exec.sink.type-length-enforcer' = 'TRIM_PAD';
INSERT INTO print_sink SELECT w, w FROM words;
-- expect stdout (ordered):
--| +I[abcdef, abc]
--| +I[a, a  ]
--| +I[abc, abc]
--| +I[a, a  ]
