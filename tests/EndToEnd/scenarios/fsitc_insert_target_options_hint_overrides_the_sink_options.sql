-- scenario: an OPTIONS hint on an INSERT target overrides the table's options for that statement only (Flink's dynamic table options): the first insert writes '|'-delimited csv (text quoted, as Jackson quotes any value with a character below the delimiter), the second the table's own ','
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO t /*+ OPTIONS('csv.field-delimiter' = '|', 'sink.parallelism' = '1') */ VALUES (1, 'a'), (2, 'b');
INSERT INTO t VALUES (3, 'c');
-- expect files ${SCRATCH}/out (unordered):
--| 1|"a"
--| 2|"b"
--| 3,c
