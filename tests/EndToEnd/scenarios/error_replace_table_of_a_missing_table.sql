-- scenario: REPLACE TABLE ... AS of a table that does not exist is Flink's error, at the table name
-- sql:
CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
REPLACE TABLE missing WITH ('connector' = 'blackhole') AS SELECT id FROM src;
-- expect exit: non-zero
-- expect error: The table `default_catalog`.`default_database`.`missing` to be replaced doesn't exist. You can try to use CREATE TABLE AS statement or CREATE OR REPLACE TABLE AS statement.
-- expect caret under: missing
