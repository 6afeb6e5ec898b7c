-- scenario: SET with a double-quoted key or value is refused (Flink's parser takes string literals only) with the single-quoted form, instead of keeping a key with quotes in it that no option reads
-- sql:
SET 'table.dml-sync' = 'true';
SET "execution.runtime-mode" = 'batch';
-- expect error: job.sql:2:1
-- expect error: SET 'execution.runtime-mode' = 'batch';
-- expect exit: non-zero
