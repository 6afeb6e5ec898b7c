-- scenario: EXECUTE ... FROM SAVEPOINT with a path that holds no savepoint fails before the job starts, naming the job and the path
-- sql:
CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
SET 'pipeline.name' = 'resumed';
EXECUTE INSERT INTO print_sink SELECT id FROM src FROM SAVEPOINT '${SCRATCH}/savepoint-gone';
-- expect error: Cannot restore job 'resumed' from '${SCRATCH}/savepoint-gone'
-- expect error: does not exist
-- expect error: job.sql:4:1
-- expect exit: 1
