-- scenario: CAST between every pair of types Flink's CastFunctionITCase and CastFunctionMiscITCase cover (part 2 of 3: 90 expressions, each value as Flink's ITCase expects it)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE c0 WITH ('connector' = 'print', 'print-identifier' = 'c0') AS SELECT CAST(f0 AS BYTES) AS v FROM (VALUES (1, CAST(X'0001' AS BINARY(2))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c1 WITH ('connector' = 'print', 'print-identifier' = 'c1') AS SELECT CAST(f0 AS BYTES) AS v FROM (VALUES (1, CAST(X'000102' AS VARBINARY(3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c2 WITH ('connector' = 'print', 'print-identifier' = 'c2') AS SELECT CAST(f0 AS BYTES) AS v FROM (VALUES (1, CAST(X'0001020304' AS BYTES)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c3 WITH ('connector' = 'print', 'print-identifier' = 'c3') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(NULL AS DECIMAL(10, 2))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c4 WITH ('connector' = 'print', 'print-identifier' = 'c4') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST('1.234' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c5 WITH ('connector' = 'print', 'print-identifier' = 'c5') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST('1.2' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c6 WITH ('connector' = 'print', 'print-identifier' = 'c6') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c7 WITH ('connector' = 'print', 'print-identifier' = 'c7') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(FALSE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c8 WITH ('connector' = 'print', 'print-identifier' = 'c8') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(9.87 AS DECIMAL(4, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c9 WITH ('connector' = 'print', 'print-identifier' = 'c9') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(-1 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c10 WITH ('connector' = 'print', 'print-identifier' = 'c10') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(3 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c11 WITH ('connector' = 'print', 'print-identifier' = 'c11') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(42 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c12 WITH ('connector' = 'print', 'print-identifier' = 'c12') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(8 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c13 WITH ('connector' = 'print', 'print-identifier' = 'c13') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(-12.345 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c14 WITH ('connector' = 'print', 'print-identifier' = 'c14') AS SELECT CAST(f0 AS DECIMAL(5, 3)) AS v FROM (VALUES (1, CAST(12.678 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c15 WITH ('connector' = 'print', 'print-identifier' = 'c15') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(NULL AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c16 WITH ('connector' = 'print', 'print-identifier' = 'c16') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST('1.234' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c17 WITH ('connector' = 'print', 'print-identifier' = 'c17') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST('123' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c18 WITH ('connector' = 'print', 'print-identifier' = 'c18') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c19 WITH ('connector' = 'print', 'print-identifier' = 'c19') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(FALSE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c20 WITH ('connector' = 'print', 'print-identifier' = 'c20') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(9.87 AS DECIMAL(4, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c21 WITH ('connector' = 'print', 'print-identifier' = 'c21') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(9123.87 AS DECIMAL(10, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c22 WITH ('connector' = 'print', 'print-identifier' = 'c22') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c23 WITH ('connector' = 'print', 'print-identifier' = 'c23') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c24 WITH ('connector' = 'print', 'print-identifier' = 'c24') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(32 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c25 WITH ('connector' = 'print', 'print-identifier' = 'c25') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(12345 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c26 WITH ('connector' = 'print', 'print-identifier' = 'c26') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-12345 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c27 WITH ('connector' = 'print', 'print-identifier' = 'c27') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-12 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c28 WITH ('connector' = 'print', 'print-identifier' = 'c28') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c29 WITH ('connector' = 'print', 'print-identifier' = 'c29') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c30 WITH ('connector' = 'print', 'print-identifier' = 'c30') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c31 WITH ('connector' = 'print', 'print-identifier' = 'c31') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c32 WITH ('connector' = 'print', 'print-identifier' = 'c32') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c33 WITH ('connector' = 'print', 'print-identifier' = 'c33') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c34 WITH ('connector' = 'print', 'print-identifier' = 'c34') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c35 WITH ('connector' = 'print', 'print-identifier' = 'c35') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c36 WITH ('connector' = 'print', 'print-identifier' = 'c36') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(NULL AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c37 WITH ('connector' = 'print', 'print-identifier' = 'c37') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST('1.234' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c38 WITH ('connector' = 'print', 'print-identifier' = 'c38') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST('123' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c39 WITH ('connector' = 'print', 'print-identifier' = 'c39') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c40 WITH ('connector' = 'print', 'print-identifier' = 'c40') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(FALSE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c41 WITH ('connector' = 'print', 'print-identifier' = 'c41') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(9.87 AS DECIMAL(4, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c42 WITH ('connector' = 'print', 'print-identifier' = 'c42') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(91235.87 AS DECIMAL(10, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c43 WITH ('connector' = 'print', 'print-identifier' = 'c43') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c44 WITH ('connector' = 'print', 'print-identifier' = 'c44') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(-12345 AS SMALLINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c45 WITH ('connector' = 'print', 'print-identifier' = 'c45') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(32780 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c46 WITH ('connector' = 'print', 'print-identifier' = 'c46') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c47 WITH ('connector' = 'print', 'print-identifier' = 'c47') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(-1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c48 WITH ('connector' = 'print', 'print-identifier' = 'c48') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(123 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c49 WITH ('connector' = 'print', 'print-identifier' = 'c49') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c50 WITH ('connector' = 'print', 'print-identifier' = 'c50') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(-12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c51 WITH ('connector' = 'print', 'print-identifier' = 'c51') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c52 WITH ('connector' = 'print', 'print-identifier' = 'c52') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(-123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c53 WITH ('connector' = 'print', 'print-identifier' = 'c53') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(123456.78 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c54 WITH ('connector' = 'print', 'print-identifier' = 'c54') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c55 WITH ('connector' = 'print', 'print-identifier' = 'c55') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(-123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c56 WITH ('connector' = 'print', 'print-identifier' = 'c56') AS SELECT CAST(f0 AS SMALLINT) AS v FROM (VALUES (1, CAST(123456.7890 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c57 WITH ('connector' = 'print', 'print-identifier' = 'c57') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST('1.234' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c58 WITH ('connector' = 'print', 'print-identifier' = 'c58') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST('-3276913443134' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c59 WITH ('connector' = 'print', 'print-identifier' = 'c59') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c60 WITH ('connector' = 'print', 'print-identifier' = 'c60') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST(9.87 AS DECIMAL(4, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c61 WITH ('connector' = 'print', 'print-identifier' = 'c61') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST(3276913443134.87 AS DECIMAL(20, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c62 WITH ('connector' = 'print', 'print-identifier' = 'c62') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST(123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c63 WITH ('connector' = 'print', 'print-identifier' = 'c63') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST(-123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c64 WITH ('connector' = 'print', 'print-identifier' = 'c64') AS SELECT CAST(f0 AS BIGINT) AS v FROM (VALUES (1, CAST(9234567891.12345 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c65 WITH ('connector' = 'print', 'print-identifier' = 'c65') AS SELECT CAST(f0 AS INT) AS v FROM (VALUES (1, CAST(9234567891.12 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c66 WITH ('connector' = 'print', 'print-identifier' = 'c66') AS SELECT CAST(f0 AS INT) AS v FROM (VALUES (1, CAST(9234567891.12345 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c67 WITH ('connector' = 'print', 'print-identifier' = 'c67') AS SELECT CAST(f0 AS INT) AS v FROM (VALUES (1, CAST(123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c68 WITH ('connector' = 'print', 'print-identifier' = 'c68') AS SELECT CAST(f0 AS INT) AS v FROM (VALUES (1, CAST('1.234' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c69 WITH ('connector' = 'print', 'print-identifier' = 'c69') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST('1.234' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c70 WITH ('connector' = 'print', 'print-identifier' = 'c70') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST('123' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c71 WITH ('connector' = 'print', 'print-identifier' = 'c71') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c72 WITH ('connector' = 'print', 'print-identifier' = 'c72') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(FALSE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c73 WITH ('connector' = 'print', 'print-identifier' = 'c73') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(9.87 AS DECIMAL(4, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c74 WITH ('connector' = 'print', 'print-identifier' = 'c74') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(5 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c75 WITH ('connector' = 'print', 'print-identifier' = 'c75') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(1234567 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c76 WITH ('connector' = 'print', 'print-identifier' = 'c76') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(123.456 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c77 WITH ('connector' = 'print', 'print-identifier' = 'c77') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c78 WITH ('connector' = 'print', 'print-identifier' = 'c78') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(-123.456789 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c79 WITH ('connector' = 'print', 'print-identifier' = 'c79') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(-1.7976931348623157E308 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c80 WITH ('connector' = 'print', 'print-identifier' = 'c80') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('1.234' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c81 WITH ('connector' = 'print', 'print-identifier' = 'c81') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('123' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c82 WITH ('connector' = 'print', 'print-identifier' = 'c82') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('-3276913443134' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c83 WITH ('connector' = 'print', 'print-identifier' = 'c83') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST(TRUE AS BOOLEAN)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c84 WITH ('connector' = 'print', 'print-identifier' = 'c84') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST(9.87 AS DECIMAL(4, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c85 WITH ('connector' = 'print', 'print-identifier' = 'c85') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST(3276913443134.87 AS DECIMAL(20, 3))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c86 WITH ('connector' = 'print', 'print-identifier' = 'c86') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST(123456789.123456789123456789 AS DECIMAL(30, 20))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c87 WITH ('connector' = 'print', 'print-identifier' = 'c87') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST(12345678901 AS BIGINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c88 WITH ('connector' = 'print', 'print-identifier' = 'c88') AS SELECT CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST(1239234567891.1234567891234 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c89 WITH ('connector' = 'print', 'print-identifier' = 'c89') AS SELECT CAST(f0 AS DATE) AS v FROM (VALUES (1, CAST('2021-09-27' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
-- expect stdout (unordered):
--| c0> +I[[0, 1]]
--| c1> +I[[0, 1, 2]]
--| c2> +I[[0, 1, 2, 3, 4]]
--| c3> +I[null]
--| c4> +I[1.234]
--| c5> +I[1.200]
--| c6> +I[1.000]
--| c7> +I[0.000]
--| c8> +I[9.870]
--| c9> +I[-1.000]
--| c10> +I[3.000]
--| c11> +I[42.000]
--| c12> +I[8.000]
--| c13> +I[-12.345]
--| c14> +I[12.678]
--| c15> +I[null]
--| c16> +I[1]
--| c17> +I[123]
--| c18> +I[1]
--| c19> +I[0]
--| c20> +I[9]
--| c21> +I[-93]
--| c22> +I[5]
--| c23> +I[-5]
--| c24> +I[32]
--| c25> +I[57]
--| c26> +I[-57]
--| c27> +I[-12]
--| c28> +I[-121]
--| c29> +I[121]
--| c30> +I[53]
--| c31> +I[-53]
--| c32> +I[123]
--| c33> +I[-123]
--| c34> +I[123]
--| c35> +I[-123]
--| c36> +I[null]
--| c37> +I[1]
--| c38> +I[123]
--| c39> +I[1]
--| c40> +I[0]
--| c41> +I[9]
--| c42> +I[25699]
--| c43> +I[5]
--| c44> +I[-12345]
--| c45> +I[-32756]
--| c46> +I[-10617]
--| c47> +I[10617]
--| c48> +I[123]
--| c49> +I[7221]
--| c50> +I[-7221]
--| c51> +I[123]
--| c52> +I[-123]
--| c53> +I[-7616]
--| c54> +I[123]
--| c55> +I[-123]
--| c56> +I[-7616]
--| c57> +I[1]
--| c58> +I[-3276913443134]
--| c59> +I[1]
--| c60> +I[9]
--| c61> +I[3276913443134]
--| c62> +I[123]
--| c63> +I[-123]
--| c64> +I[9234567891]
--| c65> +I[2147483647]
--| c66> +I[2147483647]
--| c67> +I[123]
--| c68> +I[1]
--| c69> +I[1.234]
--| c70> +I[123.0]
--| c71> +I[1.0]
--| c72> +I[0.0]
--| c73> +I[9.87]
--| c74> +I[5.0]
--| c75> +I[1234567.0]
--| c76> +I[123.456]
--| c77> +I[123.45679]
--| c78> +I[-123.45679]
--| c79> +I[-Infinity]
--| c80> +I[1.234]
--| c81> +I[123.0]
--| c82> +I[-3.276913443134E12]
--| c83> +I[1.0]
--| c84> +I[9.87]
--| c85> +I[3.27691344313487E12]
--| c86> +I[1.2345678912345679E8]
--| c87> +I[1.2345678901E10]
--| c88> +I[1.2392345678911235E12]
--| c89> +I[2021-09-27]
