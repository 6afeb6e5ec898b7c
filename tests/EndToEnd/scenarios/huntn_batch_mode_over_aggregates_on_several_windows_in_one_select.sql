-- scenario: batch mode takes OVER calls on different windows in one SELECT (Flink's batch over aggregation groups them by window; only streaming needs one window): ROW_NUMBER and a two-row running SUM on one ordering, a whole-partition SUM of the same column, and a RANK over the whole input
-- file: input/x.csv
--| 1,a,10
--| 2,b,20
--| 3,a,30
--| 4,a,20
--| 5,b,5
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE x (id INT, k STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/x.csv', 'format' = 'csv');
CREATE TABLE o (id INT, k STRING, v INT, rn BIGINT, s2 INT, total INT, r BIGINT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO o SELECT id, k, v,
  ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC),
  SUM(v) OVER (PARTITION BY k ORDER BY v DESC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW),
  SUM(v) OVER (PARTITION BY k),
  RANK() OVER (ORDER BY v)
FROM x;
-- expect files ${SCRATCH}/out (unordered):
--| 1,a,10,3,30,60,2
--| 2,b,20,1,20,25,3
--| 3,a,30,1,30,60,5
--| 4,a,20,2,50,60,3
--| 5,b,5,2,25,25,1
