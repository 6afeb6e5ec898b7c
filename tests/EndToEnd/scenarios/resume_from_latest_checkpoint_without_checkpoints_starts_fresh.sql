-- scenario: EXECUTE ... FROM LATEST CHECKPOINT with no checkpoint of the job warns with the directory searched and runs from the start
-- sql:
SET 'table.dml-sync' = 'true';
SET 'pipeline.name' = 'resume-me';
SET 'execution.checkpointing.dir' = '${SCRATCH}/checkpoints';
CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3',
  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
EXECUTE INSERT INTO print_sink SELECT id FROM src FROM LATEST CHECKPOINT;
-- expect stdout (all, ordered, contains):
--| [WARNING] No completed checkpoint of job 'resume-me' in ${SCRATCH}/checkpoints/resume-me; the job starts with empty state.
--| +I[1]
--| +I[2]
--| +I[3]
--| [INFO] Complete execution of the SQL update statement.
