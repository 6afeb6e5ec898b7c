-- scenario: batch mode: a GROUP BY, a SELECT DISTINCT and a global aggregation into the print sink print +I rows only, one per final row (no -U/+U), the global one even over no rows
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '10');
CREATE TABLE counts (parity BIGINT, c BIGINT, s BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'counts');
CREATE TABLE kinds (parity BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'kinds');
CREATE TABLE total (c BIGINT, s BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'total');
INSERT INTO counts SELECT MOD(id, 2), COUNT(*), SUM(id) FROM gen GROUP BY MOD(id, 2);
INSERT INTO kinds SELECT DISTINCT MOD(id, 3) FROM gen;
INSERT INTO total SELECT COUNT(*), SUM(id) FROM gen WHERE id > 100;
-- expect stdout (unordered):
--| counts> +I[0, 5, 30]
--| counts> +I[1, 5, 25]
--| kinds> +I[1]
--| kinds> +I[2]
--| kinds> +I[0]
--| total> +I[0, null]
