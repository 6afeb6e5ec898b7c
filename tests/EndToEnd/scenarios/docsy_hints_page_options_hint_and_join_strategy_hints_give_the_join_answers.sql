-- scenario: Flink's Hints page: a dynamic table option /*+ OPTIONS('csv.ignore-parse-errors'='true') */ on a CSV source (the page's own example: the bad id reads as NULL), and in batch mode the join hints BROADCAST(t1), SHUFFLE_HASH(t1, t3) over two joins, SHUFFLE_MERGE(t1) on a non-equi join and NEST_LOOP, and BROADCAST on a FULL OUTER join (the page: the hint does not apply there, the planner picks a strategy) all give the joins' ordinary answers, as do the page's conflict cases (BROADCAST(t2), BROADCAST(t1); BROADCAST(t1, t2, t3) over two joins; BROADCAST(t1) SHUFFLE_HASH(t1) on a FULL OUTER non-equi join, which only a nested loop join can run)
-- file: input/t1.csv
--| 1,alice,30
--| x,bob,40
--| 3,carol,50
-- file: input/t2.csv
--| 1,ann,31
--| 3,cid,51
--| 4,dan,61
-- file: input/t4.csv
--| 1,ed,20
--| 2,flo,21
--| 3,gus,22
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE t1 (id BIGINT, name STRING, age INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/t1.csv', 'format' = 'csv');
CREATE TABLE t2 (id BIGINT, name STRING, age INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/t2.csv', 'format' = 'csv');
CREATE TABLE t3 (id BIGINT, name STRING, age INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/t2.csv', 'format' = 'csv');
CREATE TABLE options_sink (id BIGINT, name STRING) WITH ('connector' = 'print', 'print-identifier' = 'options');
-- override table options in query source
INSERT INTO options_sink select id, name from t1 /*+ OPTIONS('csv.ignore-parse-errors'='true') */;
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE broadcast_sink (id BIGINT, n1 STRING, n2 STRING) WITH ('connector' = 'print', 'print-identifier' = 'broadcast');
INSERT INTO broadcast_sink SELECT /*+ BROADCAST(t1) */ t1.id, t1.name, t2.name FROM t1 /*+ OPTIONS('csv.ignore-parse-errors'='true') */ JOIN t2 ON t1.id = t2.id;
CREATE TABLE hash_sink (id BIGINT, n1 STRING, n2 STRING, n3 STRING) WITH ('connector' = 'print', 'print-identifier' = 'hash');
INSERT INTO hash_sink SELECT /*+ SHUFFLE_HASH(t1, t3) */ t1.id, t1.name, t2.name, t3.name
  FROM t1 /*+ OPTIONS('csv.ignore-parse-errors'='true') */ JOIN t2 ON t1.id = t2.id JOIN t3 ON t1.id = t3.id;
CREATE TABLE merge_sink (id BIGINT, id2 BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'merge');
INSERT INTO merge_sink SELECT /*+ SHUFFLE_MERGE(t1) */ t1.id, t2.id FROM t1 /*+ OPTIONS('csv.ignore-parse-errors'='true') */ join t2 ON t1.id > t2.id;
CREATE TABLE loop_sink (id BIGINT, id2 BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'loop');
INSERT INTO loop_sink SELECT /*+ NEST_LOOP(t2) */ t2.id, t3.id FROM t2 JOIN t3 ON t2.id = t3.id;
CREATE TABLE full_sink (id BIGINT, id2 BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'full');
INSERT INTO full_sink SELECT /*+ BROADCAST(t2) */ t2.id, t3.id FROM t2 FULL OUTER JOIN t3 ON t2.id = t3.id;
CREATE TABLE t4 (id BIGINT, name STRING, age INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/t4.csv', 'format' = 'csv');
CREATE TABLE same_sink (i1 BIGINT, i2 BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'same');
-- The first hint will be chosen, t4 will be the broadcast table.
INSERT INTO same_sink SELECT /*+ BROADCAST(t4), BROADCAST(t2) */ t2.id, t4.id FROM t2 JOIN t4 ON t2.id = t4.id;
CREATE TABLE three_sink (i1 BIGINT, i2 BIGINT, i3 BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'three');
INSERT INTO three_sink SELECT /*+ BROADCAST(t2, t4, t3) */ t2.id, t4.id, t3.id FROM t2 JOIN t4 ON t2.id = t4.id JOIN t3 ON t2.id = t3.id;
CREATE TABLE theta_sink (i1 BIGINT, i2 BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'theta');
INSERT INTO theta_sink SELECT /*+ BROADCAST(t2) SHUFFLE_HASH(t2) */ t2.id, t4.id FROM t2 FULL OUTER JOIN t4 ON t2.id > t4.id;
-- expect stdout (unordered):
--| options> +I[1, alice]
--| options> +I[null, bob]
--| options> +I[3, carol]
--| broadcast> +I[1, alice, ann]
--| broadcast> +I[3, carol, cid]
--| hash> +I[1, alice, ann, ann]
--| hash> +I[3, carol, cid, cid]
--| merge> +I[3, 1]
--| loop> +I[1, 1]
--| loop> +I[3, 3]
--| loop> +I[4, 4]
--| full> +I[1, 1]
--| full> +I[3, 3]
--| full> +I[4, 4]
--| same> +I[1, 1]
--| same> +I[3, 3]
--| three> +I[1, 1, 1]
--| three> +I[3, 3, 3]
--| theta> +I[1, null]
--| theta> +I[3, 1]
--| theta> +I[4, 1]
--| theta> +I[3, 2]
--| theta> +I[4, 2]
--| theta> +I[4, 3]
