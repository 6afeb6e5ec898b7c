-- scenario: CAST between every pair of types Flink's CastFunctionITCase and CastFunctionMiscITCase cover (part 3 of 3: 42 expressions, each value as Flink's ITCase expects it)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE c0 WITH ('connector' = 'print', 'print-identifier' = 'c0') AS SELECT CAST(f0 AS DATE) AS v FROM (VALUES (1, CAST('2021-09-27 12:34:56.123456789' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c1 WITH ('connector' = 'print', 'print-identifier' = 'c1') AS SELECT CAST(f0 AS DATE) AS v FROM (VALUES (1, CAST(DATE '2021-09-24' AS DATE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c2 WITH ('connector' = 'print', 'print-identifier' = 'c2') AS SELECT CAST(f0 AS DATE) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c3 WITH ('connector' = 'print', 'print-identifier' = 'c3') AS SELECT CAST(f0 AS DATE) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c4 WITH ('connector' = 'print', 'print-identifier' = 'c4') AS SELECT CAST(f0 AS DATE) AS v FROM (VALUES (1, CAST(CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP_LTZ(9)) AS TIMESTAMP_LTZ)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c5 WITH ('connector' = 'print', 'print-identifier' = 'c5') AS SELECT CAST(f0 AS TIME) AS v FROM (VALUES (1, CAST(TIME '12:34:56.123' AS TIME(5))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c6 WITH ('connector' = 'print', 'print-identifier' = 'c6') AS SELECT CAST(f0 AS TIME) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c7 WITH ('connector' = 'print', 'print-identifier' = 'c7') AS SELECT CAST(f0 AS TIME) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c8 WITH ('connector' = 'print', 'print-identifier' = 'c8') AS SELECT CAST(f0 AS TIME) AS v FROM (VALUES (1, CAST(CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP_LTZ(9)) AS TIMESTAMP_LTZ(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c9 WITH ('connector' = 'print', 'print-identifier' = 'c9') AS SELECT CAST(f0 AS TIME) AS v FROM (VALUES (1, CAST(CAST(TIMESTAMP '2021-09-25 07:54:56.1234567' AS TIMESTAMP_LTZ(9)) AS TIMESTAMP_LTZ(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c10 WITH ('connector' = 'print', 'print-identifier' = 'c10') AS SELECT CAST(f0 AS TIMESTAMP(9)) AS v FROM (VALUES (1, CAST('2021-09-27' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c11 WITH ('connector' = 'print', 'print-identifier' = 'c11') AS SELECT CAST(f0 AS TIMESTAMP(9)) AS v FROM (VALUES (1, CAST('2021-09-27 12:34:56.123456789' AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c12 WITH ('connector' = 'print', 'print-identifier' = 'c12') AS SELECT CAST(f0 AS TIMESTAMP(9)) AS v FROM (VALUES (1, CAST(DATE '2021-09-24' AS DATE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c13 WITH ('connector' = 'print', 'print-identifier' = 'c13') AS SELECT CAST(f0 AS TIMESTAMP(9)) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c14 WITH ('connector' = 'print', 'print-identifier' = 'c14') AS SELECT CAST(f0 AS TIMESTAMP(9)) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP(8))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c15 WITH ('connector' = 'print', 'print-identifier' = 'c15') AS SELECT CAST(f0 AS TIMESTAMP(9)) AS v FROM (VALUES (1, CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c16 WITH ('connector' = 'print', 'print-identifier' = 'c16') AS SELECT CAST(f0 AS TIMESTAMP(9)) AS v FROM (VALUES (1, CAST(CAST(TIMESTAMP '2021-09-25 07:54:56.1234567' AS TIMESTAMP_LTZ(9)) AS TIMESTAMP_LTZ(4))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c17 WITH ('connector' = 'print', 'print-identifier' = 'c17') AS SELECT CAST(f0 AS INTERVAL MONTH) AS v FROM (VALUES (1, CAST(INTERVAL '0' YEAR AS INTERVAL YEAR)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c18 WITH ('connector' = 'print', 'print-identifier' = 'c18') AS SELECT CAST(f0 AS INTERVAL MONTH) AS v FROM (VALUES (1, CAST(INTERVAL '7' YEAR AS INTERVAL YEAR)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c19 WITH ('connector' = 'print', 'print-identifier' = 'c19') AS SELECT CAST(f0 AS INTERVAL MONTH) AS v FROM (VALUES (1, CAST(INTERVAL '89' MONTH AS INTERVAL MONTH)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c20 WITH ('connector' = 'print', 'print-identifier' = 'c20') AS SELECT CAST(f0 AS DECIMAL(8, 4)) AS v FROM (VALUES (1, CAST(NULL AS STRING)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c21 WITH ('connector' = 'print', 'print-identifier' = 'c21') AS SELECT CAST(f0 AS DECIMAL(8, 4)) AS v FROM (VALUES (1, CAST(3.123456 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c22 WITH ('connector' = 'print', 'print-identifier' = 'c22') AS SELECT CAST(f0 AS DECIMAL(8, 4)) AS v FROM (VALUES (1, CAST(12.34561234 AS DECIMAL(10, 8))), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c23 WITH ('connector' = 'print', 'print-identifier' = 'c23') AS SELECT CAST(f0 AS DECIMAL(8, 4)) AS v FROM (VALUES (1, CAST(12345 AS INT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c24 WITH ('connector' = 'print', 'print-identifier' = 'c24') AS SELECT CAST(f0 AS DECIMAL(8, 4)) AS v FROM (VALUES (1, CAST(12345.678912 AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c25 WITH ('connector' = 'print', 'print-identifier' = 'c25') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(-128 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c26 WITH ('connector' = 'print', 'print-identifier' = 'c26') AS SELECT CAST(f0 AS TINYINT) AS v FROM (VALUES (1, CAST(127 AS TINYINT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c27 WITH ('connector' = 'print', 'print-identifier' = 'c27') AS SELECT CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST(-1.7976931348623157E308 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c28 WITH ('connector' = 'print', 'print-identifier' = 'c28') AS SELECT CAST(f0 AS DECIMAL(38, 32)) AS v FROM (VALUES (1, CAST(CAST(3.4028235E38 AS FLOAT) AS FLOAT)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c29 WITH ('connector' = 'print', 'print-identifier' = 'c29') AS SELECT CAST(f0 AS DECIMAL(38, 32)) AS v FROM (VALUES (1, CAST(-1.7976931348623157E308 AS DOUBLE)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c30 WITH ('connector' = 'print', 'print-identifier' = 'c30') AS SELECT CAST(f0 AS MAP<STRING, STRING>) AS v FROM (VALUES (1, CAST(MAP[1, 2] AS MAP<INT, INT>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c31 WITH ('connector' = 'print', 'print-identifier' = 'c31') AS SELECT CAST(f0 AS ARRAY<INT>) AS v FROM (VALUES (1, CAST(ARRAY['1', '2', '3'] AS ARRAY<STRING>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c32 WITH ('connector' = 'print', 'print-identifier' = 'c32') AS SELECT CAST(f0 AS ARRAY<INT>) AS v FROM (VALUES (1, CAST(ARRAY[1, 2, 3] AS ARRAY<INT>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c33 WITH ('connector' = 'print', 'print-identifier' = 'c33') AS SELECT CAST(f0 AS ARRAY<STRING>) AS v FROM (VALUES (1, CAST(ARRAY[TIMESTAMP '2021-09-24 12:34:56.123456', NULL, TIMESTAMP '2021-09-24 14:34:56.123456'] AS ARRAY<TIMESTAMP(4)>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c34 WITH ('connector' = 'print', 'print-identifier' = 'c34') AS SELECT CAST(f0 AS ARRAY<BIGINT>) AS v FROM (VALUES (1, CAST(ARRAY[1, NULL, 2] AS ARRAY<INT>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c35 WITH ('connector' = 'print', 'print-identifier' = 'c35') AS SELECT CAST(f0 AS ROW<a BIGINT, b BIGINT, c STRING, d ARRAY<STRING>>) AS v FROM (VALUES (1, CAST(ROW(10, CAST(NULL AS INT), TIME '12:34:56.123', ARRAY['a', 'b', 'c']) AS ROW<a INT, b INT, c TIME, d ARRAY<CHAR(1)>>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
RESET 'table.local-time-zone';
CREATE TABLE c36 WITH ('connector' = 'print', 'print-identifier' = 'c36') AS SELECT TRY_CAST(f0 AS TIME) AS v FROM (VALUES (1, CAST('Flink' AS STRING), CAST('12:34:56' AS STRING), CAST(TIME '12:34:56' AS TIME)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c37 WITH ('connector' = 'print', 'print-identifier' = 'c37') AS SELECT TRY_CAST(f1 AS TIME) AS v FROM (VALUES (1, CAST('Flink' AS STRING), CAST('12:34:56' AS STRING), CAST(TIME '12:34:56' AS TIME)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c38 WITH ('connector' = 'print', 'print-identifier' = 'c38') AS SELECT TRY_CAST(f2 AS STRING) AS v FROM (VALUES (1, CAST('Flink' AS STRING), CAST('12:34:56' AS STRING), CAST(TIME '12:34:56' AS TIME)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c39 WITH ('connector' = 'print', 'print-identifier' = 'c39') AS SELECT TRY_CAST(f1 AS ROW<f0 TINYINT, f1 TIME>) AS v FROM (VALUES (1, CAST(ROW(1, 'abc') AS ROW<a INT, b STRING>), CAST(ROW(1, '12:34:56') AS ROW<a INT, b STRING>)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c40 WITH ('connector' = 'print', 'print-identifier' = 'c40') AS SELECT CAST(f0 AS ROW<r ROW<s STRING NOT NULL, b BOOLEAN, i INT>, s STRING>) AS v FROM (VALUES (1, CAST(ROW(ROW(12, 42, CAST(NULL AS INT)), 'Hello') AS ROW<r ROW<i1 INT, i2 INT, i3 INT>, s STRING>)), (2, NULL)) AS t(id, f0) WHERE id = 1;
CREATE TABLE c41 WITH ('connector' = 'print', 'print-identifier' = 'c41') AS SELECT CAST(CAST(x'68656C6C6F20636F6465' AS BINARY(10)) AS VARCHAR) AS v;
-- expect stdout (unordered):
--| c0> +I[2021-09-27]
--| c1> +I[2021-09-24]
--| c2> +I[2021-09-24]
--| c3> +I[2021-09-24]
--| c4> +I[2021-09-24]
--| c5> +I[12:34:56]
--| c6> +I[12:34:56]
--| c7> +I[12:34:56]
--| c8> +I[12:34:56]
--| c9> +I[07:54:56]
--| c10> +I[2021-09-27T00:00]
--| c11> +I[2021-09-27T12:34:56.123456789]
--| c12> +I[2021-09-24T00:00]
--| c13> +I[2021-09-24T12:34:56.123456]
--| c14> +I[2021-09-24T12:34:56.123456700]
--| c15> +I[2021-09-24T12:34:56.123400]
--| c16> +I[2021-09-25T07:54:56.123400]
--| c17> +I[P0D]
--| c18> +I[P7Y]
--| c19> +I[P7Y5M]
--| c20> +I[null]
--| c21> +I[3.1235]
--| c22> +I[12.3456]
--| c23> +I[null]
--| c24> +I[null]
--| c25> +I[-128]
--| c26> +I[127]
--| c27> +I[-Infinity]
--| c28> +I[null]
--| c29> +I[null]
--| c30> +I[{1=2}]
--| c31> +I[[1, 2, 3]]
--| c32> +I[[1, 2, 3]]
--| c33> +I[[2021-09-24 12:34:56.1234, null, 2021-09-24 14:34:56.1234]]
--| c34> +I[[1, null, 2]]
--| c35> +I[+I[10, null, 12:34:56, [a, b, c]]]
--| c36> +I[null]
--| c37> +I[12:34:56]
--| c38> +I[12:34:56]
--| c39> +I[+I[1, 12:34:56]]
--| c40> +I[+I[+I[12, true, null], Hello]]
--| c41> +I[hello code]
