-- scenario: an INT sink column refuses a BIGINT query column (COUNT(*)): Flink casts implicitly only to a wider integer type
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE words (w STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE counts (w STRING, n INT) WITH ('connector' = 'print');
INSERT INTO counts SELECT w, COUNT(*) FROM words GROUP BY w;
-- expect error: Incompatible types for sink column 'n' at position 1
-- expect error: BIGINT NOT NULL
