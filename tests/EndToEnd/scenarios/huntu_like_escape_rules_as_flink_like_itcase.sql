-- scenario: LIKE as Flink's LikeFunctionITCase: an escape character escapes '_', '%' and itself (te__st ESCAPE '_' is te_st), a pattern ending in an escaped '%' needs the '%', an empty ESCAPE escapes nothing, quotes and backslashes are plain characters
-- file: input/words.csv
--| 1,te_st
--| 2,test%
--| 3,test%more
--| 4,te"st
--| 5,test\
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE words (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/words.csv', 'format' = 'csv', 'csv.quote-character' = '''');
CREATE TABLE print_sink (id INT, doubled_underscore BOOLEAN, escaped_percent_end BOOLEAN, escaped_underscore_any BOOLEAN, empty_escape BOOLEAN,
  quote_inside BOOLEAN, trailing_backslash BOOLEAN, percent_escape_self BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, s LIKE 'te__st' ESCAPE '_', s LIKE 'test!%' ESCAPE '!', s LIKE 'test_%' ESCAPE '_', s LIKE 'te_st' ESCAPE '',
       s LIKE '%e"s%', s LIKE 'test\', s LIKE 'te%_st' ESCAPE '%'
FROM words;
-- expect stdout (unordered):
--| +I[1, true, false, false, true, false, false, true]
--| +I[2, false, true, true, false, false, false, false]
--| +I[3, false, false, false, false, false, false, false]
--| +I[4, false, false, false, true, true, false, false]
--| +I[5, false, false, false, false, false, true, false]
