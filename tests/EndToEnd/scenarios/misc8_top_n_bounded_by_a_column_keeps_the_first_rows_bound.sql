-- scenario: a Top-N bounded by a column (WHERE rn <= n, n a column of the ranked rows: Flink's VariableRankRange) keeps per partition as many rows as n was in its first row; later rows' n do not change it (AbstractTopNFunction keeps the first in state)
-- file: input/rows.csv
--| a,1,2
--| a,5,3
--| b,3,1
--| a,4,2
--| b,7,5
--| a,2,2
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
CREATE TABLE src (k STRING, v INT, n INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rows.csv', 'format' = 'csv');
CREATE TABLE print_sink (k STRING, v INT, n INT, rn BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT * FROM (SELECT k, v, n, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM src) WHERE rn <= n;
-- expect stdout (ordered):
--| +I[a, 1, 2, 1]
--| -U[a, 1, 2, 1]
--| +U[a, 5, 3, 1]
--| +I[a, 1, 2, 2]
--| +I[b, 3, 1, 1]
--| -U[a, 1, 2, 2]
--| +U[a, 4, 2, 2]
--| -U[b, 3, 1, 1]
--| +U[b, 7, 5, 1]
