-- scenario: LIMIT over an updating input (a GROUP BY result) is Flink's retract-strategy limit: it holds the live rows in arrival order (an update's new row arriving last) and emits the changes to the first n of them: a row leaving as -D, the next row moving up as +I
-- file: input/clicks.csv
--| a
--| b
--| a
--| c
--| b
--| d
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'parallelism.default' = '1';
CREATE TABLE clicks (k STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE print_sink (k STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT k, n FROM (SELECT k, COUNT(*) AS n FROM clicks GROUP BY k) LIMIT 2;
-- expect stdout (ordered):
--| +I[a, 1]
--| +I[b, 1]
--| -D[a, 1]
--| +I[a, 2]
--| -D[b, 1]
--| +I[c, 1]
