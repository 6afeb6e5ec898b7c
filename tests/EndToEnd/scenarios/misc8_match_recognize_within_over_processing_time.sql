-- scenario: MATCH_RECOGNIZE ordered by a processing-time attribute takes WITHIN (Flink's CepOperator times rows by their arrival): rows that all arrive within the interval match
-- file: input/orders.csv
--| 1,EUR,10
--| 2,USD,10
--| 3,EUR,20
--| 4,EUR,10
--| 5,USD,30
--| 6,EUR,20
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
CREATE TABLE orders (id INT, cur STRING, amt INT, pt AS PROCTIME()) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE print_sink (cur STRING, a INT, b INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT * FROM orders MATCH_RECOGNIZE (
  PARTITION BY cur ORDER BY pt
  MEASURES A.id AS a, B.id AS b
  ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B) WITHIN INTERVAL '1' HOUR
  DEFINE A AS A.amt = 10, B AS B.amt = 20) AS T;
-- expect stdout (unordered):
--| +I[EUR, 1, 3]
--| +I[EUR, 4, 6]
