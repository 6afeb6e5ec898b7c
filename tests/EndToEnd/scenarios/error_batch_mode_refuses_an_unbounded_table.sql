-- scenario: batch mode refuses a query over an unbounded table with Flink's message, at the statement
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen');
SELECT id FROM gen;
-- expect exit: non-zero
-- expect error: Querying an unbounded table 'default_catalog.default_database.gen' in batch mode is not allowed
-- expect error: job.sql:3:1
