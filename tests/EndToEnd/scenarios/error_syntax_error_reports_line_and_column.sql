-- scenario: a syntax error names the unexpected token with its line and column in the script and puts a caret under it
-- sql:
CREATE TABLE bids (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, FROM bids;
-- expect error: job.sql:3:35
-- expect error: FROM
-- expect caret under: FROM
-- expect exit: non-zero
