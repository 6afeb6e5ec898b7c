-- scenario: a regular join without an equality between its sides (a non-equi ON, CROSS JOIN, a comma join with a range condition, EXISTS correlated by a range) runs as Flink's singleton join: every row meets every row of the other side on one subtask
-- file: input/a.csv
--| 1,10
--| 2,20
--| 3,30
-- file: input/b.csv
--| x,15
--| y,25
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '2';
CREATE TABLE a (k INT, v INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/a.csv', 'format' = 'csv');
CREATE TABLE b (n STRING, w INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/b.csv', 'format' = 'csv');
CREATE TABLE lt (k INT, n STRING) WITH ('connector' = 'print', 'print-identifier' = 'lt');
CREATE TABLE cross_sink (k INT, n STRING) WITH ('connector' = 'print', 'print-identifier' = 'cross');
CREATE TABLE semi (k INT) WITH ('connector' = 'print', 'print-identifier' = 'semi');
EXECUTE STATEMENT SET BEGIN
INSERT INTO lt SELECT a.k, b.n FROM a JOIN b ON a.v < b.w;
INSERT INTO cross_sink SELECT a.k, b.n FROM a CROSS JOIN b WHERE a.k <> 2;
INSERT INTO semi SELECT k FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.w > a.v);
END;
-- expect stdout (unordered):
--| lt> +I[1, x]
--| lt> +I[1, y]
--| lt> +I[2, y]
--| cross> +I[1, x]
--| cross> +I[1, y]
--| cross> +I[3, x]
--| cross> +I[3, y]
--| semi> +I[1]
--| semi> +I[2]
