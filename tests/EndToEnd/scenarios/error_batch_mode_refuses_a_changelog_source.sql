-- scenario: batch mode refuses a table whose source emits changes (debezium-json) with Flink's message, at the statement
-- file: input/changes.json
--| {"before":null,"after":{"id":1,"name":"a"},"op":"c"}
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE changes (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/changes.json', 'format' = 'debezium-json');
SELECT id, name FROM changes;
-- expect exit: non-zero
-- expect error: Querying a table in batch mode is currently only possible for INSERT-only table sources. But the source for table 'default_catalog.default_database.changes' produces other changelog messages than just INSERT.
-- expect error: job.sql:3:1
