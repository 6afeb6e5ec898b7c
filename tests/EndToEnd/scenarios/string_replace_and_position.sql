-- scenario: REPLACE substitutes every occurrence (also with ''), POSITION is 1-based and 0 when the needle is absent
-- file: input/texts.csv
--| 1,banana
--| 2,apple
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, a_to_o STRING, without_an STRING, pos_an INT, pos_x INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, REPLACE(s, 'a', 'o'), REPLACE(s, 'an', ''), POSITION('an' IN s), POSITION('x' IN s) FROM texts;
-- expect stdout (unordered):
--| +I[1, bonono, ba, 2, 0]
--| +I[2, opple, apple, 0, 0]
