-- scenario: a regular join without an equality between its two sides is refused at the join, as Flink needs an equi-join condition for a streaming regular join
-- sql:
CREATE TABLE a (k INT, v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE b (k INT, w INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (v INT, w INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT a.v, b.w FROM a JOIN b ON a.v < b.w;
-- expect error: job.sql:4:45
-- expect error: Not supported yet: a join without an equality between its two sides
-- expect caret under: a JOIN b ON a.v < b.w
-- expect exit: non-zero
