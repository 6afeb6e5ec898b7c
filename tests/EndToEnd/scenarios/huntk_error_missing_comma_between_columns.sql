-- scenario: a forgotten comma between two column definitions is a syntax error at the second name (Flink: Encountered "c" at line 3, column 30. Was expecting one of: ...), listing what could come there and asking whether a ',' is missing
-- sql:
CREATE TABLE src (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT, price INT) WITH ('connector' = 'print');
CREATE TABLE other (a INT, b INT c INT) WITH ('connector' = 'print');
-- expect error: job.sql:3:34
-- expect error: unexpected 'c'; expected one of:
-- expect error: Is a ',' missing before 'c'?
-- expect caret under: c INT)
-- expect exit: non-zero
