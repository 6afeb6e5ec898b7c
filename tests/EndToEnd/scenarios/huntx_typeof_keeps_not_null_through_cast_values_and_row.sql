-- scenario: TYPEOF shows Flink's nullability: VALUES columns are NOT NULL where no row's value is NULL (Calcite's VALUES row type), CAST keeps the operand's NOT NULL (also inside ROW, RowFunctionITCase's ROW<`EXPR$0` SMALLINT NOT NULL, ...>), TRY_CAST and the functions Flink types FORCE_NULLABLE (REVERSE, LEFT, CHR, DATE_FORMAT, FROM_UNIXTIME) are nullable over NOT NULL operands (LEFT keeping its CHAR(1) operand's length as VARCHAR(1), FlinkReturnTypes.ARG0_VARCHAR_FORCE_NULLABLE), IFNULL with a NOT NULL fallback is NOT NULL; a CTAS over the VALUES keeps those types
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY VIEW v AS SELECT * FROM (VALUES (1, 'a', CAST(NULL AS INT)), (2, 'b', 3)) AS t(x, y, z);
CREATE TABLE print_sink (c1 STRING, c2 STRING, c3 STRING, c4 STRING, c5 STRING, c6 STRING, c7 STRING, c8 STRING, c9 STRING)
  WITH ('connector' = 'print', 'print-identifier' = 'casts');
INSERT INTO print_sink SELECT TYPEOF(x), TYPEOF(y), TYPEOF(z), TYPEOF(CAST(x AS SMALLINT)), TYPEOF(ROW(CAST(x AS SMALLINT), CAST(z AS STRING))),
  TYPEOF(CAST(z AS STRING)), TYPEOF(TRY_CAST(y AS INT)), TYPEOF(IFNULL(z, x)), TYPEOF(UPPER(y)) FROM v WHERE x = 1;
CREATE TABLE fn_sink (c1 STRING, c2 STRING, c3 STRING, c4 STRING, c5 STRING, c6 STRING)
  WITH ('connector' = 'print', 'print-identifier' = 'fns');
INSERT INTO fn_sink SELECT TYPEOF(REVERSE(y)), TYPEOF(`LEFT`(y, 1)), TYPEOF(CHR(x + 96)), TYPEOF(DATE_FORMAT(TIMESTAMP '2024-01-02 03:04:05', 'yyyy')),
  TYPEOF(FROM_UNIXTIME(x)), TYPEOF(CONCAT_WS('-', y, y)) FROM v WHERE x = 2;
CREATE TABLE from_values WITH ('connector' = 'blackhole') AS SELECT x, CAST(x AS BIGINT) AS big_x, y, z, CAST(z AS BIGINT) AS big_z FROM v;
DESCRIBE from_values;
-- expect stdout (all, unordered, contains):
--| casts> +I[INT NOT NULL, CHAR(1) NOT NULL, INT, SMALLINT NOT NULL, ROW<`EXPR$0` SMALLINT NOT NULL, `EXPR$1` STRING> NOT NULL, STRING, INT, INT NOT NULL, CHAR(1) NOT NULL]
--| fns> +I[STRING, VARCHAR(1), STRING, STRING, STRING, STRING NOT NULL]
--| |     x |     INT | FALSE |     |        |           |
--| | big_x |  BIGINT | FALSE |     |        |           |
--| |     y | CHAR(1) | FALSE |     |        |           |
--| |     z |     INT |  TRUE |     |        |           |
--| | big_z |  BIGINT |  TRUE |     |        |           |
