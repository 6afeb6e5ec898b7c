-- scenario: EXPLAIN JSON_EXECUTION_PLAN adds Flink's Physical Execution Plan section: the stream graph as JSON, one node per operator with its pact and the ship strategy of each input edge
-- sql:
CREATE TABLE t (id INT, k STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5');
CREATE TABLE o (k STRING, c BIGINT) WITH ('connector' = 'print');
EXPLAIN JSON_EXECUTION_PLAN INSERT INTO o SELECT k, COUNT(*) FROM t WHERE id > 1 GROUP BY k;
EXPLAIN CHANGELOG_MODE, JSON_EXECUTION_PLAN SELECT id FROM t;
-- expect stdout (all, ordered, contains):
--| == Optimized Execution Plan ==
--| == Physical Execution Plan ==
--| "nodes" : [ {
--| "pact" : "Data Source",
--| "pact" : "Operator",
--| "ship_strategy" : "FORWARD",
--| "pact" : "Operator",
--| "ship_strategy" : "HASH",
--| "pact" : "Data Sink",
--| changelogMode=[I]
--| == Physical Execution Plan ==
--| "pact" : "Data Source",
-- expect stdout (unordered):
