-- scenario: batch mode refuses a GROUP BY (an updating result here, final rows in Flink's batch mode) instead of printing its changelog as rows
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '4');
SELECT MOD(id, 2), COUNT(*) FROM gen GROUP BY MOD(id, 2);
-- expect exit: non-zero
-- expect error: Not supported yet: an updating result (GroupAggregate) in batch mode
-- expect error: job.sql:3:1
