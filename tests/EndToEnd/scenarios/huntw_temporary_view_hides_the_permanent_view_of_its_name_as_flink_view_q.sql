-- scenario: a permanent view may be created under a temporary view of the same name (the SQL client's view.q); queries read the temporary one until DROP TEMPORARY VIEW, then the permanent one
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY VIEW v1 AS SELECT * FROM (VALUES (1, 'temporary')) AS T(id, src);
CREATE VIEW v1 AS SELECT * FROM (VALUES (2, 'permanent')) AS T(id, src);
CREATE TABLE out_t (id INT, src STRING) WITH ('connector' = 'print');
INSERT INTO out_t SELECT * FROM v1;
DROP TEMPORARY VIEW v1;
INSERT INTO out_t SELECT * FROM v1;
-- expect stdout (ordered):
--| +I[1, temporary]
--| +I[2, permanent]
