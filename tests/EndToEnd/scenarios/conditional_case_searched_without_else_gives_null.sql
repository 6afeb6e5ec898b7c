-- scenario: a searched CASE takes the first WHEN that is TRUE, and without ELSE a row matching none gives NULL
-- file: input/scores.csv
--| 1,95
--| 2,75
--| 3,40
--| 4,90
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE scores (id INT, score INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/scores.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, grade STRING) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, CASE WHEN score >= 90 THEN 'top' WHEN score >= 70 THEN 'mid' END FROM scores;
-- expect stdout (unordered):
--| +I[1, top]
--| +I[2, mid]
--| +I[3, null]
--| +I[4, top]
