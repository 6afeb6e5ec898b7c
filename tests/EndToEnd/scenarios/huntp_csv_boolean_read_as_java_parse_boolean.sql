-- scenario: the csv format reads BOOLEAN with Java's Boolean.parseBoolean, as Flink's does: 'true' in any case is TRUE, any other text FALSE (not an error); an empty field is NULL
-- file: input/flags.csv
--| 1,true
--| 2,TRUE
--| 3, True 
--| 4,false
--| 5,yes
--| 6,1
--| 7,
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE flags (id INT, f BOOLEAN) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/flags.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, f BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, f FROM flags;
-- expect stdout (unordered):
--| +I[1, true]
--| +I[2, true]
--| +I[3, true]
--| +I[4, false]
--| +I[5, false]
--| +I[6, false]
--| +I[7, null]
