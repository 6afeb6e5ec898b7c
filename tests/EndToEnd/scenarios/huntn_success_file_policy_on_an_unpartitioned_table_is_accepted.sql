-- scenario: 'sink.partition-commit.policy.kind' on a table without PARTITIONED BY is accepted (Flink does not check it against the partition keys) and the rows are written
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE out_t (id INT, name STRING) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv',
  'sink.partition-commit.policy.kind' = 'success-file');
INSERT INTO out_t VALUES (1, 'a'), (2, 'b');
-- expect files ${SCRATCH}/out (unordered):
--| 1,a
--| 2,b
