-- scenario: 'source.path.regex-pattern' reads only the files whose whole absolute path matches, searching every visible directory below the path whether it matches or not, hidden files still skipped (Flink's NonSplittingRecursiveAllDirEnumerator with RegexFileFilter)
-- file: input/logs_1.csv
--| 1,a
-- file: input/logs_2.csv
--| 2,b
-- file: input/other.csv
--| 90,other
-- file: input/logs_3.csv.bak
--| 91,bak
-- file: input/2026/logs_4.csv
--| 4,d
-- file: input/_logs_5.csv
--| 92,hidden
-- file: input/.x/logs_6.csv
--| 93,hidden-dir
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE logs (id INT, msg STRING) WITH ('connector' = 'filesystem', 'path' = 'file://${SCRATCH}/input', 'format' = 'csv',
  'source.path.regex-pattern' = '/.*/logs_[0-9]+\.csv');
CREATE TABLE print_sink (id INT, msg STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, msg FROM logs;
-- expect stdout (unordered):
--| +I[1, a]
--| +I[2, b]
--| +I[4, d]
