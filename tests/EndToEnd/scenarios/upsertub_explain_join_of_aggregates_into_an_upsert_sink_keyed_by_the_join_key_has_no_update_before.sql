-- scenario: EXPLAIN CHANGELOG_MODE of a LEFT JOIN of two aggregations into an upsert-kafka sink keyed by the join key: as Flink's FlinkChangelogModeInferenceProgram, the join's output is keyed by k (its inputs are keyed by their join keys: JoinKeyContainsUniqueKey), so the sink asks for no UPDATE_BEFORE and neither the join nor the aggregations emit it (I,UA,D and I,UA), with no SinkMaterializer; behind a filter (HAVING, FLINK-9528) the aggregation falls back to I,UB,UA
-- file: input/src.csv
--| 1,a
-- sql:
CREATE TABLE src (k INT, v STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/src.csv', 'format' = 'csv');
CREATE TABLE joined (k INT NOT NULL, n BIGINT, m BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'joined',
  'properties.bootstrap.servers' = 'localhost:9092', 'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE by_k (k INT NOT NULL, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'by_k',
  'properties.bootstrap.servers' = 'localhost:9092', 'key.format' = 'json', 'value.format' = 'json');
EXPLAIN CHANGELOG_MODE INSERT INTO joined SELECT a.k, a.n, b.m
FROM (SELECT k, COUNT(*) AS n FROM src GROUP BY k) a
LEFT JOIN (SELECT k, COUNT(*) AS m FROM src WHERE v > 'b' GROUP BY k) b ON a.k = b.k;
EXPLAIN CHANGELOG_MODE INSERT INTO by_k SELECT k, COUNT(*) FROM src GROUP BY k HAVING COUNT(*) < 3;
-- expect stdout (all, unordered, contains):
--| Sink(table=[default_catalog.default_database.joined], fields=[k, n, m], changelogMode=[NONE])
--| +- Calc(select=[k, n, m], changelogMode=[I,UA,D])
--| Join(joinType=[LeftOuterJoin], where=[=(k, k0)], select=[k, n, k0, m], leftInputSpec=[JoinKeyContainsUniqueKey], rightInputSpec=[JoinKeyContainsUniqueKey], changelogMode=[I,UA,D])
--| GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS n], changelogMode=[I,UA])
--| GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS m], changelogMode=[I,UA])
--| Sink(table=[default_catalog.default_database.by_k], fields=[k, EXPR$1], changelogMode=[NONE])
--| +- Calc(select=[k, EXPR$1], where=[<(EXPR$1, 3)], changelogMode=[I,UB,UA])
--| GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS EXPR$1], changelogMode=[I,UB,UA])
