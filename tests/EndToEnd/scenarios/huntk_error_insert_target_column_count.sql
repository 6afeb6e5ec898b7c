-- scenario: an INSERT with a column list and a query of another width fails with Calcite's "Number of INSERT target columns (1) does not equal number of source items (2)", pointing at the query
-- sql:
CREATE TABLE src (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT, price INT) WITH ('connector' = 'print');
INSERT INTO print_sink (id) SELECT id, price FROM src;
-- expect error: Number of INSERT target columns (1) does not equal number of source items (2)
-- expect error: job.sql:3:29
-- expect caret under: SELECT id, price FROM src
-- expect exit: non-zero
