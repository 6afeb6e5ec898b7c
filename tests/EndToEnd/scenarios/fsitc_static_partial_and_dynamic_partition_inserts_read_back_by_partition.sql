-- scenario: FileSystemITCaseBase's partition inserts in one table (json): all-static PARTITION (a='1', b='1'), partial PARTITION (a=3) taking b from the query, and dynamic; reads prune by partition and the computed column c = b + 1 filters too
-- file: input/original.csv
--| x1,1,1,1
--| x2,2,1,1
--| x6,6,1,2
--| x11,11,2,1
--| x16,16,2,2
--| x17,17,3,1
--| x18,18,3,2
--| x19,19,3,3
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE originalT (x STRING, y INT, a INT, b BIGINT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/original.csv', 'format' = 'csv');
CREATE TABLE partitionedTable (x STRING, y INT, a INT, b BIGINT, c AS b + 1) PARTITIONED BY (a, b) WITH ('connector' = 'filesystem', 'path' = 'file://${SCRATCH}/result', 'format' = 'json');
CREATE TABLE print_sink (tag STRING, x STRING, y INT, a INT, b BIGINT, c BIGINT) WITH ('connector' = 'print');
INSERT INTO partitionedTable PARTITION (a='1', b='1') SELECT x, y FROM originalT WHERE a = 1 AND b = 1;
INSERT INTO partitionedTable PARTITION (a=3) SELECT x, y, b FROM originalT WHERE a = 3;
INSERT INTO partitionedTable SELECT x, y, a, b FROM originalT WHERE a = 2 OR (a = 1 AND b = 2);
INSERT INTO print_sink SELECT 'a3b2', x, y, a, b, c FROM partitionedTable WHERE a = 3 AND b = 2;
INSERT INTO print_sink SELECT 'c2', x, y, a, b, c FROM partitionedTable WHERE a = 1 AND c = 2;
INSERT INTO print_sink SELECT 'a2', x, y, a, b, c FROM partitionedTable WHERE a = 2;
INSERT INTO print_sink SELECT 'none', x, y, a, b, c FROM partitionedTable WHERE a = 10086;
-- expect stdout (unordered):
--| +I[a3b2, x18, 18, 3, 2, 3]
--| +I[c2, x1, 1, 1, 1, 2]
--| +I[c2, x2, 2, 1, 1, 2]
--| +I[a2, x11, 11, 2, 1, 2]
--| +I[a2, x16, 16, 2, 2, 3]
-- expect files ${SCRATCH}/result (unordered):
--| {"x":"x1","y":1}
--| {"x":"x2","y":2}
--| {"x":"x6","y":6}
--| {"x":"x11","y":11}
--| {"x":"x16","y":16}
--| {"x":"x17","y":17}
--| {"x":"x18","y":18}
--| {"x":"x19","y":19}
