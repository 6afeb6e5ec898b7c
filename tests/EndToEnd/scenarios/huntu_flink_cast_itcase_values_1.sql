-- scenario: CAST between every pair of types Flink's CastFunctionITCase and CastFunctionMiscITCase cover (part 1 of 3: 90 expressions, each value as Flink's ITCase expects it)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE c0 WITH ('connector' = 'print', 'print-identifier' = 'c0') AS SELECT CAST(f0 AS CHAR(3)) AS v FROM (VALUES (1, CAST(NULL AS CHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c1 WITH ('connector' = 'print', 'print-identifier' = 'c1') AS SELECT CAST(f0 AS CHAR(3)) AS v FROM (VALUES (1, CAST('foo' AS CHAR(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c2 WITH ('connector' = 'print', 'print-identifier' = 'c2') AS SELECT CAST(f0 AS CHAR(3)) AS v FROM (VALUES (1, CAST('foo' AS VARCHAR(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c3 WITH ('connector' = 'print', 'print-identifier' = 'c3') AS SELECT CAST(f0 AS CHAR(3)) AS v FROM (VALUES (1, CAST('foo' AS VARCHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c4 WITH ('connector' = 'print', 'print-identifier' = 'c4') AS SELECT CAST(f0 AS CHAR(3)) AS v FROM (VALUES (1, CAST('abcdef' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c5 WITH ('connector' = 'print', 'print-identifier' = 'c5') AS SELECT CAST(f0 AS CHAR(3)) AS v FROM (VALUES (1, CAST(DATE '2021-09-24' AS DATE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c6 WITH ('connector' = 'print', 'print-identifier' = 'c6') AS SELECT CAST(f0 AS CHAR(5)) AS v FROM (VALUES (1, CAST(NULL AS CHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c7 WITH ('connector' = 'print', 'print-identifier' = 'c7') AS SELECT CAST(f0 AS CHAR(5)) AS v FROM (VALUES (1, CAST('foo' AS CHAR(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c8 WITH ('connector' = 'print', 'print-identifier' = 'c8') AS SELECT CAST(f0 AS VARCHAR(3)) AS v FROM (VALUES (1, CAST(NULL AS VARCHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c9 WITH ('connector' = 'print', 'print-identifier' = 'c9') AS SELECT CAST(f0 AS VARCHAR(3)) AS v FROM (VALUES (1, CAST('foo' AS CHAR(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c10 WITH ('connector' = 'print', 'print-identifier' = 'c10') AS SELECT CAST(f0 AS VARCHAR(3)) AS v FROM (VALUES (1, CAST('foo' AS CHAR(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c11 WITH ('connector' = 'print', 'print-identifier' = 'c11') AS SELECT CAST(f0 AS VARCHAR(3)) AS v FROM (VALUES (1, CAST('foo' AS VARCHAR(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c12 WITH ('connector' = 'print', 'print-identifier' = 'c12') AS SELECT CAST(f0 AS VARCHAR(3)) AS v FROM (VALUES (1, CAST('foo' AS VARCHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c13 WITH ('connector' = 'print', 'print-identifier' = 'c13') AS SELECT CAST(f0 AS VARCHAR(3)) AS v FROM (VALUES (1, CAST('abcdef' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c14 WITH ('connector' = 'print', 'print-identifier' = 'c14') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST('foo' AS CHAR(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c15 WITH ('connector' = 'print', 'print-identifier' = 'c15') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST('foo' AS CHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c16 WITH ('connector' = 'print', 'print-identifier' = 'c16') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST('Flink' AS VARCHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c17 WITH ('connector' = 'print', 'print-identifier' = 'c17') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST('Apache Flink' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c18 WITH ('connector' = 'print', 'print-identifier' = 'c18') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c19 WITH ('connector' = 'print', 'print-identifier' = 'c19') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(9.87 AS DECIMAL(4, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c20 WITH ('connector' = 'print', 'print-identifier' = 'c20') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(1 AS DECIMAL(10, 5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c21 WITH ('connector' = 'print', 'print-identifier' = 'c21') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c22 WITH ('connector' = 'print', 'print-identifier' = 'c22') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(-5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c23 WITH ('connector' = 'print', 'print-identifier' = 'c23') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(12345 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c24 WITH ('connector' = 'print', 'print-identifier' = 'c24') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(-12345 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c25 WITH ('connector' = 'print', 'print-identifier' = 'c25') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c26 WITH ('connector' = 'print', 'print-identifier' = 'c26') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(-1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c27 WITH ('connector' = 'print', 'print-identifier' = 'c27') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c28 WITH ('connector' = 'print', 'print-identifier' = 'c28') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(-12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c29 WITH ('connector' = 'print', 'print-identifier' = 'c29') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c30 WITH ('connector' = 'print', 'print-identifier' = 'c30') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(-123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c31 WITH ('connector' = 'print', 'print-identifier' = 'c31') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c32 WITH ('connector' = 'print', 'print-identifier' = 'c32') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(-123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c33 WITH ('connector' = 'print', 'print-identifier' = 'c33') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(DATE '2021-09-24' AS DATE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c34 WITH ('connector' = 'print', 'print-identifier' = 'c34') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c35 WITH ('connector' = 'print', 'print-identifier' = 'c35') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP(9))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c36 WITH ('connector' = 'print', 'print-identifier' = 'c36') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c37 WITH ('connector' = 'print', 'print-identifier' = 'c37') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1' AS TIMESTAMP(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c38 WITH ('connector' = 'print', 'print-identifier' = 'c38') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(NULL AS TIMESTAMP(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c39 WITH ('connector' = 'print', 'print-identifier' = 'c39') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(CAST(TIMESTAMP '2021-09-25 07:54:56.1234567' AS TIMESTAMP_LTZ(9)) AS TIMESTAMP_LTZ(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c40 WITH ('connector' = 'print', 'print-identifier' = 'c40') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(CAST(TIMESTAMP '2021-09-25 07:54:56.1234567' AS TIMESTAMP_LTZ(9)) AS TIMESTAMP_LTZ(9))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c41 WITH ('connector' = 'print', 'print-identifier' = 'c41') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(CAST(TIMESTAMP '2021-09-25 07:54:56.1' AS TIMESTAMP_LTZ(9)) AS TIMESTAMP_LTZ(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c42 WITH ('connector' = 'print', 'print-identifier' = 'c42') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(INTERVAL '7' YEAR AS INTERVAL YEAR)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c43 WITH ('connector' = 'print', 'print-identifier' = 'c43') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(INTERVAL '5' MONTH AS INTERVAL MONTH)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c44 WITH ('connector' = 'print', 'print-identifier' = 'c44') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(INTERVAL '123' MONTH AS INTERVAL MONTH)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c45 WITH ('connector' = 'print', 'print-identifier' = 'c45') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(INTERVAL '12334' MONTH AS INTERVAL MONTH)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c46 WITH ('connector' = 'print', 'print-identifier' = 'c46') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(INTERVAL '0.010' SECOND(3) AS INTERVAL SECOND(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c47 WITH ('connector' = 'print', 'print-identifier' = 'c47') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(INTERVAL '36' HOUR AS INTERVAL HOUR)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c48 WITH ('connector' = 'print', 'print-identifier' = 'c48') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(ARRAY[CAST(NULL AS INT), 456] AS ARRAY<INT>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c49 WITH ('connector' = 'print', 'print-identifier' = 'c49') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(ROW(CAST(NULL AS INT), 'abc') AS ROW<f0 INT, f1 STRING>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c50 WITH ('connector' = 'print', 'print-identifier' = 'c50') AS SELECT CAST(f0 AS STRING) AS v FROM (VALUES (1, CAST(MAP['a', INTERVAL '-123' MONTH] AS MAP<STRING, INTERVAL MONTH>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c51 WITH ('connector' = 'print', 'print-identifier' = 'c51') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(NULL AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c52 WITH ('connector' = 'print', 'print-identifier' = 'c52') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST('true' AS CHAR(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c53 WITH ('connector' = 'print', 'print-identifier' = 'c53') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST('FalsE' AS VARCHAR(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c54 WITH ('connector' = 'print', 'print-identifier' = 'c54') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST('TRUE' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c55 WITH ('connector' = 'print', 'print-identifier' = 'c55') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c56 WITH ('connector' = 'print', 'print-identifier' = 'c56') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(FALSE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c57 WITH ('connector' = 'print', 'print-identifier' = 'c57') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c58 WITH ('connector' = 'print', 'print-identifier' = 'c58') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(-5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c59 WITH ('connector' = 'print', 'print-identifier' = 'c59') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(0 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c60 WITH ('connector' = 'print', 'print-identifier' = 'c60') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(12345 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c61 WITH ('connector' = 'print', 'print-identifier' = 'c61') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(0 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c62 WITH ('connector' = 'print', 'print-identifier' = 'c62') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(-1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c63 WITH ('connector' = 'print', 'print-identifier' = 'c63') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(0 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c64 WITH ('connector' = 'print', 'print-identifier' = 'c64') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c65 WITH ('connector' = 'print', 'print-identifier' = 'c65') AS SELECT CAST(f0 AS BOOLEAN) AS v FROM (VALUES (1, CAST(0 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c66 WITH ('connector' = 'print', 'print-identifier' = 'c66') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST(NULL AS BINARY(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c67 WITH ('connector' = 'print', 'print-identifier' = 'c67') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST('666F' AS CHAR(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c68 WITH ('connector' = 'print', 'print-identifier' = 'c68') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST('666f' AS VARCHAR(8))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c69 WITH ('connector' = 'print', 'print-identifier' = 'c69') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST('a' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c70 WITH ('connector' = 'print', 'print-identifier' = 'c70') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST('FC' AS VARCHAR(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c71 WITH ('connector' = 'print', 'print-identifier' = 'c71') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST('foobar' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c72 WITH ('connector' = 'print', 'print-identifier' = 'c72') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST(X'0001' AS BINARY(2))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c73 WITH ('connector' = 'print', 'print-identifier' = 'c73') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST(X'000102' AS VARBINARY(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c74 WITH ('connector' = 'print', 'print-identifier' = 'c74') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST(X'0001020304' AS BYTES)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c75 WITH ('connector' = 'print', 'print-identifier' = 'c75') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST(X'6F' AS BINARY(1))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c76 WITH ('connector' = 'print', 'print-identifier' = 'c76') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST(X'6F' AS VARBINARY(1))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c77 WITH ('connector' = 'print', 'print-identifier' = 'c77') AS SELECT CAST(f0 AS BINARY(2)) AS v FROM (VALUES (1, CAST(X'0B' AS BYTES)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c78 WITH ('connector' = 'print', 'print-identifier' = 'c78') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST(NULL AS VARBINARY(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c79 WITH ('connector' = 'print', 'print-identifier' = 'c79') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST('foo' AS CHAR(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c80 WITH ('connector' = 'print', 'print-identifier' = 'c80') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST('foobar' AS VARCHAR(8))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c81 WITH ('connector' = 'print', 'print-identifier' = 'c81') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST('AAbbCcDdEe' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c82 WITH ('connector' = 'print', 'print-identifier' = 'c82') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST(X'0001' AS BINARY(2))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c83 WITH ('connector' = 'print', 'print-identifier' = 'c83') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST(X'000102' AS VARBINARY(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c84 WITH ('connector' = 'print', 'print-identifier' = 'c84') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST(X'000102' AS VARBINARY(10))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c85 WITH ('connector' = 'print', 'print-identifier' = 'c85') AS SELECT CAST(f0 AS VARBINARY(4)) AS v FROM (VALUES (1, CAST(X'0001020304' AS BYTES)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c86 WITH ('connector' = 'print', 'print-identifier' = 'c86') AS SELECT CAST(f0 AS BYTES) AS v FROM (VALUES (1, CAST(NULL AS BYTES)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c87 WITH ('connector' = 'print', 'print-identifier' = 'c87') AS SELECT CAST(f0 AS BYTES) AS v FROM (VALUES (1, CAST('foo' AS CHAR(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c88 WITH ('connector' = 'print', 'print-identifier' = 'c88') AS SELECT CAST(f0 AS BYTES) AS v FROM (VALUES (1, CAST('foobar' AS VARCHAR(8))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c89 WITH ('connector' = 'print', 'print-identifier' = 'c89') AS SELECT CAST(f0 AS BYTES) AS v FROM (VALUES (1, CAST('Apache Flink' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
-- expect stdout (unordered):
--| c0> +I[null]
--| c1> +I[foo]
--| c2> +I[foo]
--| c3> +I[foo]
--| c4> +I[abc]
--| c5> +I[202]
--| c6> +I[null]
--| c7> +I[foo  ]
--| c8> +I[null]
--| c9> +I[foo]
--| c10> +I[foo]
--| c11> +I[foo]
--| c12> +I[foo]
--| c13> +I[abc]
--| c14> +I[foo]
--| c15> +I[foo  ]
--| c16> +I[Flink]
--| c17> +I[Apache Flink]
--| c18> +I[TRUE]
--| c19> +I[9.870]
--| c20> +I[1.00000]
--| c21> +I[5]
--| c22> +I[-5]
--| c23> +I[12345]
--| c24> +I[-12345]
--| c25> +I[1234567]
--| c26> +I[-1234567]
--| c27> +I[12345678901]
--| c28> +I[-12345678901]
--| c29> +I[123.456]
--| c30> +I[-123.456]
--| c31> +I[123.456789]
--| c32> +I[-123.456789]
--| c33> +I[2021-09-24]
--| c34> +I[2021-09-24 12:34:56.123456]
--| c35> +I[2021-09-24 12:34:56.123456700]
--| c36> +I[2021-09-24 12:34:56.1234]
--| c37> +I[2021-09-24 12:34:56.100]
--| c38> +I[null]
--| c39> +I[2021-09-25 07:54:56.12345]
--| c40> +I[2021-09-25 07:54:56.123456700]
--| c41> +I[2021-09-25 07:54:56.100]
--| c42> +I[+7-00]
--| c43> +I[+0-05]
--| c44> +I[+10-03]
--| c45> +I[+1027-10]
--| c46> +I[+0 00:00:00.010]
--| c47> +I[+1 12:00:00.000]
--| c48> +I[[NULL, 456]]
--| c49> +I[(NULL, abc)]
--| c50> +I[{a=-10-03}]
--| c51> +I[null]
--| c52> +I[true]
--| c53> +I[false]
--| c54> +I[true]
--| c55> +I[true]
--| c56> +I[false]
--| c57> +I[true]
--| c58> +I[true]
--| c59> +I[false]
--| c60> +I[true]
--| c61> +I[false]
--| c62> +I[true]
--| c63> +I[false]
--| c64> +I[true]
--| c65> +I[false]
--| c66> +I[null]
--| c67> +I[[54, 54]]
--| c68> +I[[54, 54]]
--| c69> +I[[97, 0]]
--| c70> +I[[70, 67]]
--| c71> +I[[102, 111]]
--| c72> +I[[0, 1]]
--| c73> +I[[0, 1]]
--| c74> +I[[0, 1]]
--| c75> +I[[111, 0]]
--| c76> +I[[111, 0]]
--| c77> +I[[11, 0]]
--| c78> +I[null]
--| c79> +I[[102, 111, 111, 32]]
--| c80> +I[[102, 111, 111, 98]]
--| c81> +I[[65, 65, 98, 98]]
--| c82> +I[[0, 1]]
--| c83> +I[[0, 1, 2]]
--| c84> +I[[0, 1, 2]]
--| c85> +I[[0, 1, 2, 3]]
--| c86> +I[null]
--| c87> +I[[102, 111, 111, 32]]
--| c88> +I[[102, 111, 111, 98, 97, 114]]
--| c89> +I[[65, 112, 97, 99, 104, 101, 32, 70, 108, 105, 110, 107]]
