-- scenario: reading a field a ROW column does not have fails before any job starts, naming the field, the row's fields, and where it is (job.sql:line:column with a caret)
-- file: input/src.json
--| {"id":1,"r":{"a":1,"b":"x"}}
-- sql:
CREATE TABLE src (id INT, r ROW<a INT, b STRING>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/src.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, c INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, r.c FROM src;
-- expect error: Unknown field 'c'
-- expect error: 'a', 'b'
-- expect error: job.sql:3:35
-- expect caret under: r.c
-- expect exit: non-zero
-- expect stdout (unordered):
