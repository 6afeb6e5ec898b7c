-- scenario: a misspelt column fails before any job starts, naming the column, where it is (job.sql:line:column), a caret under it, and the closest existing name
-- sql:
CREATE TABLE people (id INT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, nmae FROM people;
-- expect error: Column 'nmae' not found
-- expect error: did you mean 'name'
-- expect error: job.sql:3:35
-- expect caret under: nmae
-- expect exit: non-zero
-- expect stdout (unordered):
