-- scenario: reading a table that does not exist fails with its name, not found, and the position of the name
-- sql:
CREATE TABLE bids (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM bidz;
-- expect error: bidz
-- expect error: not found
-- expect error: job.sql:3:39
-- expect caret under: bidz
-- expect exit: non-zero
