-- scenario: a SELECT inside BEGIN STATEMENT SET; ... END; fails alone with Flink's SQL client message (statement_set.q), and a -f script stops there as Flink's does
-- sql:
CREATE TABLE out_t (id INT) WITH ('connector' = 'print');
BEGIN STATEMENT SET;
INSERT INTO out_t VALUES (1);
SELECT 1;
INSERT INTO out_t VALUES (2);
END;
-- expect error: Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement to submit Statement Set.
-- expect exit: non-zero
-- expect stdout (unordered):
