-- scenario: savepoint statements without what they need fail with the option to set or the path that is missing
-- sql:
CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');
CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');
SET 'pipeline.name' = 'forever';
INSERT INTO sink SELECT id FROM endless;
STOP JOB 'forever' WITH SAVEPOINT;
-- expect error: No savepoint directory to stop the job with a savepoint
-- expect error: 'execution.checkpointing.savepoint-dir' (or 'state.savepoints.dir')
-- expect error: job.sql:5:1
-- expect exit: 1
