-- scenario: ELT, TRANSLATE, REGEXP_*, comparisons with NaN and TIMESTAMP_LTZ, GREATEST/LEAST, URL_ENCODE/DECODE, LIKE, CONV and COALESCE as Flink's String, Regexp, Comparison, GreatestLeast, Url, Like, Conv and Coalesce function ITCases (part 3 of 3: 56 expressions, each value as Flink's ITCase expects it)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE c0 WITH ('connector' = 'print', 'print-identifier' = 'c0') AS SELECT conv(f3, 10, -8) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c1 WITH ('connector' = 'print', 'print-identifier' = 'c1') AS SELECT conv(f4, 10, 16) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c2 WITH ('connector' = 'print', 'print-identifier' = 'c2') AS SELECT conv(f4, 10, -16) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c3 WITH ('connector' = 'print', 'print-identifier' = 'c3') AS SELECT conv(f5, 36, 16) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c4 WITH ('connector' = 'print', 'print-identifier' = 'c4') AS SELECT conv(1111, 2, 10) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c5 WITH ('connector' = 'print', 'print-identifier' = 'c5') AS SELECT conv('18446744073709551615', 10, 10) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c6 WITH ('connector' = 'print', 'print-identifier' = 'c6') AS SELECT conv('18446744073709551615', 10, -10) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c7 WITH ('connector' = 'print', 'print-identifier' = 'c7') AS SELECT conv('38446744073709551615', 10, 10) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c8 WITH ('connector' = 'print', 'print-identifier' = 'c8') AS SELECT conv(f0, 10, 2) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c9 WITH ('connector' = 'print', 'print-identifier' = 'c9') AS SELECT conv(f0, null, 2) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c10 WITH ('connector' = 'print', 'print-identifier' = 'c10') AS SELECT conv('This is a test String.', 10, 16) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c11 WITH ('connector' = 'print', 'print-identifier' = 'c11') AS SELECT conv(f2, -10, 16) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c12 WITH ('connector' = 'print', 'print-identifier' = 'c12') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS BOOLEAN), CAST(TRUE AS BOOLEAN), CAST(FALSE AS BOOLEAN)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c13 WITH ('connector' = 'print', 'print-identifier' = 'c13') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS BOOLEAN), CAST(TRUE AS BOOLEAN), CAST(FALSE AS BOOLEAN)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c14 WITH ('connector' = 'print', 'print-identifier' = 'c14') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS BOOLEAN), CAST(TRUE AS BOOLEAN), CAST(FALSE AS BOOLEAN)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c15 WITH ('connector' = 'print', 'print-identifier' = 'c15') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS TINYINT), CAST(5 AS TINYINT), CAST(10 AS TINYINT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c16 WITH ('connector' = 'print', 'print-identifier' = 'c16') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS TINYINT), CAST(5 AS TINYINT), CAST(10 AS TINYINT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c17 WITH ('connector' = 'print', 'print-identifier' = 'c17') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS TINYINT), CAST(5 AS TINYINT), CAST(10 AS TINYINT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c18 WITH ('connector' = 'print', 'print-identifier' = 'c18') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS FLOAT), CAST(1.5 AS FLOAT), CAST(2.5 AS FLOAT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c19 WITH ('connector' = 'print', 'print-identifier' = 'c19') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS FLOAT), CAST(1.5 AS FLOAT), CAST(2.5 AS FLOAT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c20 WITH ('connector' = 'print', 'print-identifier' = 'c20') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS FLOAT), CAST(1.5 AS FLOAT), CAST(2.5 AS FLOAT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c21 WITH ('connector' = 'print', 'print-identifier' = 'c21') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS DECIMAL(5, 2)), CAST(123.45 AS DECIMAL(5, 2)), CAST(234.56 AS DECIMAL(5, 2))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c22 WITH ('connector' = 'print', 'print-identifier' = 'c22') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS DECIMAL(5, 2)), CAST(123.45 AS DECIMAL(5, 2)), CAST(234.56 AS DECIMAL(5, 2))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c23 WITH ('connector' = 'print', 'print-identifier' = 'c23') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS DECIMAL(5, 2)), CAST(123.45 AS DECIMAL(5, 2)), CAST(234.56 AS DECIMAL(5, 2))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c24 WITH ('connector' = 'print', 'print-identifier' = 'c24') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS CHAR(5)), CAST('hello' AS CHAR(5)), CAST('world' AS CHAR(5))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c25 WITH ('connector' = 'print', 'print-identifier' = 'c25') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS CHAR(5)), CAST('hello' AS CHAR(5)), CAST('world' AS CHAR(5))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c26 WITH ('connector' = 'print', 'print-identifier' = 'c26') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS CHAR(5)), CAST('hello' AS CHAR(5)), CAST('world' AS CHAR(5))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c27 WITH ('connector' = 'print', 'print-identifier' = 'c27') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS BINARY(2)), CAST(X'0001' AS BINARY(2)), CAST(X'0203' AS BINARY(2))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c28 WITH ('connector' = 'print', 'print-identifier' = 'c28') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS BINARY(2)), CAST(X'0001' AS BINARY(2)), CAST(X'0203' AS BINARY(2))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c29 WITH ('connector' = 'print', 'print-identifier' = 'c29') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS BINARY(2)), CAST(X'0001' AS BINARY(2)), CAST(X'0203' AS BINARY(2))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c30 WITH ('connector' = 'print', 'print-identifier' = 'c30') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS DATE), CAST(DATE '2026-01-01' AS DATE), CAST(DATE '2026-12-31' AS DATE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c31 WITH ('connector' = 'print', 'print-identifier' = 'c31') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS DATE), CAST(DATE '2026-01-01' AS DATE), CAST(DATE '2026-12-31' AS DATE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c32 WITH ('connector' = 'print', 'print-identifier' = 'c32') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS DATE), CAST(DATE '2026-01-01' AS DATE), CAST(DATE '2026-12-31' AS DATE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c33 WITH ('connector' = 'print', 'print-identifier' = 'c33') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS TIME), CAST(TIME '12:34:56' AS TIME), CAST(TIME '23:59:59' AS TIME)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c34 WITH ('connector' = 'print', 'print-identifier' = 'c34') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS TIME), CAST(TIME '12:34:56' AS TIME), CAST(TIME '23:59:59' AS TIME)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c35 WITH ('connector' = 'print', 'print-identifier' = 'c35') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS TIME), CAST(TIME '12:34:56' AS TIME), CAST(TIME '23:59:59' AS TIME)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c36 WITH ('connector' = 'print', 'print-identifier' = 'c36') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS TIMESTAMP), CAST(TIMESTAMP '2026-01-01 12:00:00' AS TIMESTAMP), CAST(TIMESTAMP '2026-12-31 23:59:59' AS TIMESTAMP)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c37 WITH ('connector' = 'print', 'print-identifier' = 'c37') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS TIMESTAMP), CAST(TIMESTAMP '2026-01-01 12:00:00' AS TIMESTAMP), CAST(TIMESTAMP '2026-12-31 23:59:59' AS TIMESTAMP)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c38 WITH ('connector' = 'print', 'print-identifier' = 'c38') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS TIMESTAMP), CAST(TIMESTAMP '2026-01-01 12:00:00' AS TIMESTAMP), CAST(TIMESTAMP '2026-12-31 23:59:59' AS TIMESTAMP)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c39 WITH ('connector' = 'print', 'print-identifier' = 'c39') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS INTERVAL MONTH), CAST(INTERVAL '18' MONTH AS INTERVAL MONTH), CAST(INTERVAL '27' MONTH AS INTERVAL MONTH)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c40 WITH ('connector' = 'print', 'print-identifier' = 'c40') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS INTERVAL MONTH), CAST(INTERVAL '18' MONTH AS INTERVAL MONTH), CAST(INTERVAL '27' MONTH AS INTERVAL MONTH)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c41 WITH ('connector' = 'print', 'print-identifier' = 'c41') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS INTERVAL MONTH), CAST(INTERVAL '18' MONTH AS INTERVAL MONTH), CAST(INTERVAL '27' MONTH AS INTERVAL MONTH)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c42 WITH ('connector' = 'print', 'print-identifier' = 'c42') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS INTERVAL SECOND(3)), CAST(INTERVAL '12.345' SECOND AS INTERVAL SECOND(3)), CAST(INTERVAL '67.890' SECOND AS INTERVAL SECOND(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c43 WITH ('connector' = 'print', 'print-identifier' = 'c43') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS INTERVAL SECOND(3)), CAST(INTERVAL '12.345' SECOND AS INTERVAL SECOND(3)), CAST(INTERVAL '67.890' SECOND AS INTERVAL SECOND(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c44 WITH ('connector' = 'print', 'print-identifier' = 'c44') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS INTERVAL SECOND(3)), CAST(INTERVAL '12.345' SECOND AS INTERVAL SECOND(3)), CAST(INTERVAL '67.890' SECOND AS INTERVAL SECOND(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c45 WITH ('connector' = 'print', 'print-identifier' = 'c45') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS ARRAY<INT>), CAST(ARRAY[1, 2, 3] AS ARRAY<INT>), CAST(ARRAY[4, 5, 6] AS ARRAY<INT>)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c46 WITH ('connector' = 'print', 'print-identifier' = 'c46') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS ARRAY<INT>), CAST(ARRAY[1, 2, 3] AS ARRAY<INT>), CAST(ARRAY[4, 5, 6] AS ARRAY<INT>)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c47 WITH ('connector' = 'print', 'print-identifier' = 'c47') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS ARRAY<INT>), CAST(ARRAY[1, 2, 3] AS ARRAY<INT>), CAST(ARRAY[4, 5, 6] AS ARRAY<INT>)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c48 WITH ('connector' = 'print', 'print-identifier' = 'c48') AS SELECT COALESCE(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS ROW<a INT, b STRING>), CAST(ROW(1, 'hello') AS ROW<a INT, b STRING>), CAST(ROW(2, 'world') AS ROW<a INT, b STRING>)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c49 WITH ('connector' = 'print', 'print-identifier' = 'c49') AS SELECT COALESCE(f1, f2) AS v FROM (VALUES (1, CAST(NULL AS ROW<a INT, b STRING>), CAST(ROW(1, 'hello') AS ROW<a INT, b STRING>), CAST(ROW(2, 'world') AS ROW<a INT, b STRING>)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c50 WITH ('connector' = 'print', 'print-identifier' = 'c50') AS SELECT COALESCE(f0, f0, f2) AS v FROM (VALUES (1, CAST(NULL AS ROW<a INT, b STRING>), CAST(ROW(1, 'hello') AS ROW<a INT, b STRING>), CAST(ROW(2, 'world') AS ROW<a INT, b STRING>)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c51 WITH ('connector' = 'print', 'print-identifier' = 'c51') AS SELECT COALESCE(f0, f1, f2) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS BIGINT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c52 WITH ('connector' = 'print', 'print-identifier' = 'c52') AS SELECT COALESCE(f0, f1, f2) AS v FROM (VALUES (1, CAST(NULL AS TINYINT), CAST(7 AS TINYINT), CAST(42 AS INT)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c53 WITH ('connector' = 'print', 'print-identifier' = 'c53') AS SELECT COALESCE(f0, f1, f2) AS v FROM (VALUES (1, CAST(NULL AS TIMESTAMP(0)), CAST(TIMESTAMP '2026-01-01 00:00:00' AS TIMESTAMP(0)), CAST(TIMESTAMP '2026-01-01 00:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c54 WITH ('connector' = 'print', 'print-identifier' = 'c54') AS SELECT COALESCE(f0, f1, f2) AS v FROM (VALUES (1, CAST(NULL AS DECIMAL(5, 2)), CAST(1.23 AS DECIMAL(5, 2)), CAST(4.5678 AS DECIMAL(10, 4))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c55 WITH ('connector' = 'print', 'print-identifier' = 'c55') AS SELECT COALESCE(f0, f1, f2) AS v FROM (VALUES (1, CAST(NULL AS DECIMAL(5, 2)), CAST(1.23 AS DECIMAL(5, 2)), CAST(9876543.21 AS DECIMAL(10, 2))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
-- expect stdout (unordered):
--| c0> +I[144]
--| c1> +I[FFFFFFFFFFFFFFFF]
--| c2> +I[-1]
--| c3> +I[116ED2B2FB4]
--| c4> +I[15]
--| c5> +I[18446744073709551615]
--| c6> +I[-1]
--| c7> +I[18446744073709551615]
--| c8> +I[null]
--| c9> +I[null]
--| c10> +I[null]
--| c11> +I[null]
--| c12> +I[true]
--| c13> +I[true]
--| c14> +I[false]
--| c15> +I[5]
--| c16> +I[5]
--| c17> +I[10]
--| c18> +I[1.5]
--| c19> +I[1.5]
--| c20> +I[2.5]
--| c21> +I[123.45]
--| c22> +I[123.45]
--| c23> +I[234.56]
--| c24> +I[hello]
--| c25> +I[hello]
--| c26> +I[world]
--| c27> +I[[0, 1]]
--| c28> +I[[0, 1]]
--| c29> +I[[2, 3]]
--| c30> +I[2026-01-01]
--| c31> +I[2026-01-01]
--| c32> +I[2026-12-31]
--| c33> +I[12:34:56]
--| c34> +I[12:34:56]
--| c35> +I[23:59:59]
--| c36> +I[2026-01-01T12:00]
--| c37> +I[2026-01-01T12:00]
--| c38> +I[2026-12-31T23:59:59]
--| c39> +I[P1Y6M]
--| c40> +I[P1Y6M]
--| c41> +I[P2Y3M]
--| c42> +I[PT12.345S]
--| c43> +I[PT12.345S]
--| c44> +I[PT1M7.89S]
--| c45> +I[[1, 2, 3]]
--| c46> +I[[1, 2, 3]]
--| c47> +I[[4, 5, 6]]
--| c48> +I[+I[1, hello]]
--| c49> +I[+I[1, hello]]
--| c50> +I[+I[2, world]]
--| c51> +I[1]
--| c52> +I[7]
--| c53> +I[2026-01-01T00:00]
--| c54> +I[1.2300]
--| c55> +I[1.23]
