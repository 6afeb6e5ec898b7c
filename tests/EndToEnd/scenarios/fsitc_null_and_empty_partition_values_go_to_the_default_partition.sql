-- scenario: a NULL or empty partition value is written to the 'partition.default-name' directory and read back as NULL; a blank value keeps its own directory and its blanks (Flink's RowDataPartitionComputer: partitionValue == null || "".equals(partitionValue))
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE t (id INT, k STRING) PARTITIONED BY (k) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/t', 'format' = 'json', 'partition.default-name' = 'NONE');
INSERT INTO t VALUES (1, ' '), (2, ''), (3, CAST(NULL AS STRING)), (4, ' x ');
CREATE TABLE t_dirs (id INT, k STRING, f STRING METADATA FROM 'file.path') PARTITIONED BY (k) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/t', 'format' = 'json', 'partition.default-name' = 'NONE');
CREATE TABLE print_sink (id INT, k STRING, dir STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, k, REGEXP_EXTRACT(f, '/(k=[^/]*)/', 1) FROM t_dirs;
-- expect stdout (unordered):
--| +I[1,  , k= ]
--| +I[2, null, k=NONE]
--| +I[3, null, k=NONE]
--| +I[4,  x , k= x ]
