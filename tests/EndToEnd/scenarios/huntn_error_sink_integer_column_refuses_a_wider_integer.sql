-- scenario: an INT sink column refuses a BIGINT query column (COUNT(*)) in Flink's words (DynamicSinkUtils): Flink casts implicitly only to a wider integer type
-- sql:
SET 'execution.runtime-mode' = 'batch';
CREATE TABLE words (w STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE counts (w STRING, n INT) WITH ('connector' = 'print');
INSERT INTO counts SELECT w, COUNT(*) FROM words GROUP BY w;
-- expect error: Column types of query result and sink for 'default_catalog.default_database.counts' do not match.
-- expect error: Cause: Incompatible types for sink column 'n' at position 1.
-- expect error: Query schema: [w: STRING, EXPR$1: BIGINT NOT NULL]
-- expect error: Sink schema:  [w: STRING, n: INT]
