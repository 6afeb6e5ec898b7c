-- scenario: string functions are typed as Flink's operator table types them, visible in DESCRIBE of a view and in the schema CREATE TABLE AS writes: UPPER keeps its operand's type, SUBSTRING/LEFT keep its length as a nullable VARCHAR (ARG0_VARCHAR_FORCE_NULLABLE), TRIM turns CHAR(4) into VARCHAR(4), OVERLAY sums the two lengths, MD5 is CHAR(32), UUID CHAR(36) NOT NULL, SHA2 VARCHAR(128), REPLACE and CONCAT stay STRING; a CHAR(4) value keeps its padding through OVERLAY and loses it through TRIM
-- sql:
SET 'sql-client.execution.result-mode' = 'tableau';
CREATE TEMPORARY VIEW names AS SELECT * FROM (VALUES (CAST('alice' AS VARCHAR(8)), CAST('ab' AS CHAR(4))), (CAST('bob' AS VARCHAR(8)), CAST('xyz' AS CHAR(4)))) AS t(name, code);
CREATE TEMPORARY VIEW v AS SELECT UPPER(name) AS up, SUBSTRING(name, 2) AS rest, LEFT(code, 2) AS l, TRIM(code) AS tr,
  OVERLAY(name PLACING code FROM 1 FOR 1) AS ov, MD5(name) AS h, SHA2(name, 256) AS h2, UUID() AS u, REPLACE(name, 'b', 'B') AS rep, CONCAT(name, code) AS cat
FROM names;
DESCRIBE v;
CREATE TABLE c WITH ('connector' = 'blackhole') AS SELECT up, rest, l, tr, ov, h FROM v;
SHOW CREATE TABLE c;
SELECT up, rest, l, tr, ov, CHAR_LENGTH(ov) AS n FROM v;
-- expect stdout (all, ordered, contains):
--| +------+--------------+-------+-----+--------+-----------+
--| | name |         type |  null | key | extras | watermark |
--| +------+--------------+-------+-----+--------+-----------+
--| |   up |   VARCHAR(8) | FALSE |     |        |           |
--| | rest |   VARCHAR(8) |  TRUE |     |        |           |
--| |    l |   VARCHAR(4) |  TRUE |     |        |           |
--| |   tr |   VARCHAR(4) | FALSE |     |        |           |
--| |   ov |  VARCHAR(12) | FALSE |     |        |           |
--| |    h |     CHAR(32) | FALSE |     |        |           |
--| |   h2 | VARCHAR(128) | FALSE |     |        |           |
--| |    u |     CHAR(36) | FALSE |     |        |           |
--| |  rep |       STRING | FALSE |     |        |           |
--| |  cat |       STRING | FALSE |     |        |           |
--| +------+--------------+-------+-----+--------+-----------+
--| 10 rows in set
--|   `up` VARCHAR(8) NOT NULL,
--|   `rest` VARCHAR(8),
--|   `l` VARCHAR(4),
--|   `tr` VARCHAR(4) NOT NULL,
--|   `ov` VARCHAR(12) NOT NULL,
--|   `h` CHAR(32) NOT NULL
--| | +I |                          ALICE |                           lice |                             ab |                             ab |                       ab  lice |           8 |
--| | +I |                            BOB |                             ob |                             xy |                            xyz |                         xyz ob |           6 |
