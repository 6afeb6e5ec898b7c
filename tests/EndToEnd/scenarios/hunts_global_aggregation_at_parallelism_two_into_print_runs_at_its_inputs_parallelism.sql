-- scenario: an updating global aggregation at parallelism.default 2 into a print sink without 'sink.parallelism' runs (the sink takes its input's parallelism, Flink's CommonExecSink), printing Flink's changelog in order; it was refused as if the sink's parallelism were configured
-- sql:
SET 'parallelism.default' = '2';
SET 'table.dml-sync' = 'true';
CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');
CREATE TABLE out (c BIGINT) WITH ('connector' = 'print');
INSERT INTO out SELECT COUNT(*) FROM src;
-- expect stdout (ordered):
--| +I[1]
--| -U[1]
--| +U[2]
--| -U[2]
--| +U[3]
