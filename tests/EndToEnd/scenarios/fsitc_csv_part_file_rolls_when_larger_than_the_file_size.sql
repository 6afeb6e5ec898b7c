-- scenario: 'sink.rolling-policy.file-size' rolls a csv part file before the row that finds it strictly larger than the size (Flink's TableRollingPolicy: getSize() > size), so 10-byte rows under '20b' make files of 3, 3 and 1 rows
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
CREATE TABLE t (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/t', 'format' = 'csv', 'sink.rolling-policy.file-size' = '20b');
INSERT INTO t VALUES (1, 'aaaaaaa'), (2, 'bbbbbbb'), (3, 'ccccccc'), (4, 'ddddddd'), (5, 'eeeeeee'), (6, 'fffffff'), (7, 'ggggggg');
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE files (id INT, s STRING, n STRING METADATA FROM 'file.name') WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/t', 'format' = 'csv');
CREATE TABLE print_sink (part STRING, rows_in_file BIGINT, first_id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT REGEXP_EXTRACT(n, '-([0-9]+)$', 1), COUNT(*), MIN(id) FROM files GROUP BY n;
-- expect stdout (unordered):
--| +I[0, 3, 1]
--| +I[1, 3, 4]
--| +I[2, 1, 7]
