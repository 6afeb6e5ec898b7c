-- scenario: FsStreamingSinkITCaseBase.testPartitionWithBasicDate: a checkpointed streaming insert into a table partitioned by a basic-iso date with the partition-time trigger, a 1 d delay and a custom success file; every row lands in its d=yyyyMMdd directory without the partition column
-- file: input/data.csv
--| 1,a,b,20200503,07
--| 2,p,q,20200503,08
--| 3,x,y,20200503,09
--| 4,x,y,20200504,10
--| 5,x,y,20200504,11
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.checkpointing.interval' = '100ms';
CREATE TABLE my_table (a INT, b STRING, c STRING, d STRING, e STRING, ts AS TO_TIMESTAMP(d, 'yyyyMMdd'), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/data.csv', 'format' = 'csv');
CREATE TABLE sink_table (a INT, b STRING, c STRING, d STRING, e STRING) PARTITIONED BY (d) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/result',
  'partition.time-extractor.kind' = 'default',
  'partition.time-extractor.timestamp-formatter' = 'yyyyMMdd',
  'partition.time-extractor.timestamp-pattern' = '$d',
  'sink.partition-commit.trigger' = 'partition-time',
  'sink.partition-commit.delay' = '1d',
  'sink.partition-commit.policy.kind' = 'success-file',
  'sink.partition-commit.success-file.name' = '_MY_SUCCESS',
  'format' = 'csv');
INSERT INTO sink_table SELECT a, b, c, d, e FROM my_table;
CREATE TABLE check_table (a INT, b STRING, c STRING, e STRING, f STRING METADATA FROM 'file.path') WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/result', 'format' = 'csv');
CREATE TABLE print_sink (a INT, e STRING, dir STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT a, e, REGEXP_EXTRACT(f, '/(d=[0-9]+)/', 1) FROM check_table;
-- expect stdout (unordered):
--| +I[1, 07, d=20200503]
--| +I[2, 08, d=20200503]
--| +I[3, 09, d=20200503]
--| +I[4, 10, d=20200504]
--| +I[5, 11, d=20200504]
-- expect files ${SCRATCH}/result (unordered):
--| 1,a,b,07
--| 2,p,q,08
--| 3,x,y,09
--| 4,x,y,10
--| 5,x,y,11
