-- scenario: batch mode refuses a window over processing time (Flink's message), at the time column
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE gen (id BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'number-of-rows' = '4');
SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE gen, DESCRIPTOR(pt), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;
-- expect exit: non-zero
-- expect error: Processing time Window TableFunction is not supported yet
-- expect error: job.sql:3:71
-- expect caret under: pt)
