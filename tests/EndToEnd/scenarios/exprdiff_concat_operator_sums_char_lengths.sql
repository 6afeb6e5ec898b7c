-- scenario: || is Calcite's operator in Flink: CHAR(2) || CHAR(3) is CHAR(5), a VARCHAR on the right makes it VARCHAR, a STRING makes it STRING; the CONCAT function is STRING; CASE, COALESCE and UNION over CHARs of different lengths are VARCHAR of the longest (CTAS takes these types)
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY VIEW src AS SELECT * FROM (VALUES ('ab', 'xyz', CAST('q' AS VARCHAR(4)), 1)) AS t(c2, c3, v4, n);
CREATE TABLE p WITH ('connector' = 'print') AS
SELECT c2 || c3 AS cc, c2 || v4 AS cv, v4 || c2 AS vc, c2 || CAST(c3 AS STRING) AS cs, CONCAT(c2, c3) AS fc,
       CASE WHEN n = 1 THEN c2 ELSE c3 END AS ca, COALESCE(c2, c3) AS co
FROM src;
DESCRIBE p;
-- expect stdout (all, ordered, contains):
--| +------+------------+-------+-----+--------+-----------+
--| | name |       type |  null | key | extras | watermark |
--| +------+------------+-------+-----+--------+-----------+
--| |   cc |    CHAR(5) | FALSE |     |        |           |
--| |   cv | VARCHAR(6) | FALSE |     |        |           |
--| |   vc | VARCHAR(6) | FALSE |     |        |           |
--| |   cs |     STRING | FALSE |     |        |           |
--| |   fc |     STRING | FALSE |     |        |           |
--| |   ca | VARCHAR(3) | FALSE |     |        |           |
--| |   co | VARCHAR(3) | FALSE |     |        |           |
--| +------+------------+-------+-----+--------+-----------+
-- expect stdout (unordered):
--| +I[abxyz, abq, qab, abxyz, abxyz, ab, ab]
