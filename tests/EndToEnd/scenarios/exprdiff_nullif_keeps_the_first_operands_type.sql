-- scenario: NULLIF(a, b) has the first operand's type made nullable (Calcite's NULLIF is ARG0_FORCE_NULLABLE): NULLIF(INT, BIGINT) is INT and NULLIF(CHAR(2), 'a') is CHAR(2), compared in their common type; a CTAS table takes those types
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY VIEW src AS SELECT * FROM (VALUES (5, 'ab'), (7, 'a ')) AS t(i, c);
CREATE TABLE p WITH ('connector' = 'print') AS
SELECT i, NULLIF(i, CAST(5 AS BIGINT)) AS n, NULLIF(c, 'ab') AS s FROM src;
DESCRIBE p;
-- expect stdout (all, ordered, contains):
--| +------+---------+-------+-----+--------+-----------+
--| | name |    type |  null | key | extras | watermark |
--| +------+---------+-------+-----+--------+-----------+
--| |    i |     INT | FALSE |     |        |           |
--| |    n |     INT |  TRUE |     |        |           |
--| |    s | CHAR(2) |  TRUE |     |        |           |
--| +------+---------+-------+-----+--------+-----------+
-- expect stdout (unordered):
--| +I[5, null, null]
--| +I[7, 7, a ]
