-- scenario: Flink's Hints page: "The table specified in Join Hints must exist. Otherwise, a table not exists error will be thrown": a join hint naming a table that is no side of the SELECT's joins is refused with Flink's QueryHintsResolver message, one line per hint (before: accepted silently)
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE t1 (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE t2 (id BIGINT, name STRING, age INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE out_sink (id BIGINT, id2 BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out_sink SELECT /*+ BROADCAST(t9), SHUFFLE_HASH(t1, t8) */ t1.id, t2.id FROM t1 JOIN t2 ON t1.id = t2.id;
-- expect error: The options of following hints cannot match the name of input tables or views:
-- expect error: `t9` in `BROADCAST`
-- expect error: `t8` in `SHUFFLE_HASH`
-- expect caret under: BROADCAST(t9)
