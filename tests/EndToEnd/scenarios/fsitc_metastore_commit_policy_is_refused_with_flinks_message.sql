-- scenario: 'sink.partition-commit.policy.kind' = 'metastore' on a filesystem table is refused with Flink's own message (FsStreamingSinkITCaseBase.testMetastorePolicy)
-- sql:
CREATE TABLE sink_table (a INT, b STRING, d STRING, e STRING) PARTITIONED BY (d, e) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv',
  'sink.partition-commit.policy.kind' = 'metastore');
INSERT INTO sink_table VALUES (1, 'a', '05-03-2020', '07');
-- expect error: Can not configure a 'metastore' partition commit policy for a file system table. You can only configure 'metastore' partition commit policy for a hive table.
-- expect exit: non-zero
