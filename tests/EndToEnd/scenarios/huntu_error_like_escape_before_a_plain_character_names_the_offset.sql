-- scenario: an escape character before anything but '_', '%' or itself is Calcite's "Invalid escape sequence '<pattern>', <offset>" (Flink's LikeFunctionITCase: 'te%st' ESCAPE '%')
-- file: input/words.csv
--| 1,test
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE words (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/words.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, m BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, s LIKE 'te%st' ESCAPE '%' FROM words;
-- expect error: Invalid escape sequence 'te%st', 2
-- expect exit: non-zero
