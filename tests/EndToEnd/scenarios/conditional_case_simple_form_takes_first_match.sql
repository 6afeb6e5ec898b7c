-- scenario: a simple CASE compares the operand with each WHEN in order, the first equal one wins, ELSE or NULL otherwise
-- file: input/codes.csv
--| 1,1
--| 2,2
--| 3,3
--| 4,7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE codes (id INT, code INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/codes.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, word STRING, tens INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id,
       CASE code WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN 1 THEN 'uno' ELSE 'lot' END,
       CASE code WHEN 1 THEN 10 WHEN 2 THEN 20 END
FROM codes;
-- expect stdout (unordered):
--| +I[1, one, 10]
--| +I[2, two, 20]
--| +I[3, lot, null]
--| +I[4, lot, null]
