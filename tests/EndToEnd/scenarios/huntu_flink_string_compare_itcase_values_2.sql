-- scenario: ELT, TRANSLATE, REGEXP_*, comparisons with NaN and TIMESTAMP_LTZ, GREATEST/LEAST, URL_ENCODE/DECODE, LIKE, CONV and COALESCE as Flink's String, Regexp, Comparison, GreatestLeast, Url, Like, Conv and Coalesce function ITCases (part 2 of 3: 90 expressions, each value as Flink's ITCase expects it)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'GMT-08:00';
CREATE TABLE c0 WITH ('connector' = 'print', 'print-identifier' = 'c0') AS SELECT CAST(f0 AS DOUBLE) <> CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c1 WITH ('connector' = 'print', 'print-identifier' = 'c1') AS SELECT CAST(f0 AS DOUBLE) > CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c2 WITH ('connector' = 'print', 'print-identifier' = 'c2') AS SELECT CAST(f0 AS DOUBLE) < CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c3 WITH ('connector' = 'print', 'print-identifier' = 'c3') AS SELECT CAST(f0 AS FLOAT) = CAST(f0 AS FLOAT) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c4 WITH ('connector' = 'print', 'print-identifier' = 'c4') AS SELECT f1 >= f1 AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c5 WITH ('connector' = 'print', 'print-identifier' = 'c5') AS SELECT f2 = f2 AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c6 WITH ('connector' = 'print', 'print-identifier' = 'c6') AS SELECT CAST('NaN' AS DOUBLE) = CAST('NaN' AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c7 WITH ('connector' = 'print', 'print-identifier' = 'c7') AS SELECT CAST('NaN' AS DOUBLE) <> CAST('NaN' AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c8 WITH ('connector' = 'print', 'print-identifier' = 'c8') AS SELECT CAST(GREATEST(f1, f3, f2) AS DECIMAL(3, 2)) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c9 WITH ('connector' = 'print', 'print-identifier' = 'c9') AS SELECT GREATEST(f0, f1, f2) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c10 WITH ('connector' = 'print', 'print-identifier' = 'c10') AS SELECT GREATEST(f4, f5) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c11 WITH ('connector' = 'print', 'print-identifier' = 'c11') AS SELECT GREATEST(f6, f7) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c12 WITH ('connector' = 'print', 'print-identifier' = 'c12') AS SELECT CAST(LEAST(f1, f3, f2) AS DECIMAL(3, 2)) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c13 WITH ('connector' = 'print', 'print-identifier' = 'c13') AS SELECT LEAST(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c14 WITH ('connector' = 'print', 'print-identifier' = 'c14') AS SELECT LEAST(f4, f5) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c15 WITH ('connector' = 'print', 'print-identifier' = 'c15') AS SELECT GREATEST(f1, f3, f2) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c16 WITH ('connector' = 'print', 'print-identifier' = 'c16') AS SELECT LEAST(f1, f3, f2) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(1 AS INT), CAST(2 AS INT), CAST(3.14 AS DECIMAL(3, 2)), CAST('hello' AS STRING), CAST('world' AS STRING), CAST(TIMESTAMP '1970-01-01 00:00:03.001' AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 00:00:02.001' AS TIMESTAMP(3))), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5, f6, f7) WHERE id = 1;
CREATE TABLE c17 WITH ('connector' = 'print', 'print-identifier' = 'c17') AS SELECT url_decode(f0) AS v FROM (VALUES (1, CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST('https://flink.apache.org/' AS STRING), CAST(NULL AS STRING), CAST('inva+lid%3A%2F%2Fuser%3Apass%40host%2Ffile%3Bparam%3Fquery%3Bp2' AS STRING), CAST('' AS STRING), CAST('illegal escape pattern test%' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c18 WITH ('connector' = 'print', 'print-identifier' = 'c18') AS SELECT url_decode(f1) AS v FROM (VALUES (1, CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST('https://flink.apache.org/' AS STRING), CAST(NULL AS STRING), CAST('inva+lid%3A%2F%2Fuser%3Apass%40host%2Ffile%3Bparam%3Fquery%3Bp2' AS STRING), CAST('' AS STRING), CAST('illegal escape pattern test%' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c19 WITH ('connector' = 'print', 'print-identifier' = 'c19') AS SELECT url_decode(f2) AS v FROM (VALUES (1, CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST('https://flink.apache.org/' AS STRING), CAST(NULL AS STRING), CAST('inva+lid%3A%2F%2Fuser%3Apass%40host%2Ffile%3Bparam%3Fquery%3Bp2' AS STRING), CAST('' AS STRING), CAST('illegal escape pattern test%' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c20 WITH ('connector' = 'print', 'print-identifier' = 'c20') AS SELECT url_decode(f3) AS v FROM (VALUES (1, CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST('https://flink.apache.org/' AS STRING), CAST(NULL AS STRING), CAST('inva+lid%3A%2F%2Fuser%3Apass%40host%2Ffile%3Bparam%3Fquery%3Bp2' AS STRING), CAST('' AS STRING), CAST('illegal escape pattern test%' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c21 WITH ('connector' = 'print', 'print-identifier' = 'c21') AS SELECT url_decode(f4) AS v FROM (VALUES (1, CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST('https://flink.apache.org/' AS STRING), CAST(NULL AS STRING), CAST('inva+lid%3A%2F%2Fuser%3Apass%40host%2Ffile%3Bparam%3Fquery%3Bp2' AS STRING), CAST('' AS STRING), CAST('illegal escape pattern test%' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c22 WITH ('connector' = 'print', 'print-identifier' = 'c22') AS SELECT url_decode(f5) AS v FROM (VALUES (1, CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST('https://flink.apache.org/' AS STRING), CAST(NULL AS STRING), CAST('inva+lid%3A%2F%2Fuser%3Apass%40host%2Ffile%3Bparam%3Fquery%3Bp2' AS STRING), CAST('' AS STRING), CAST('illegal escape pattern test%' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c23 WITH ('connector' = 'print', 'print-identifier' = 'c23') AS SELECT url_encode(f0) AS v FROM (VALUES (1, CAST('https://flink.apache.org/' AS STRING), CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST(NULL AS STRING), CAST('inva lid://user:pass@host/file;param?query;p2' AS STRING), CAST('' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c24 WITH ('connector' = 'print', 'print-identifier' = 'c24') AS SELECT url_encode(f1) AS v FROM (VALUES (1, CAST('https://flink.apache.org/' AS STRING), CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST(NULL AS STRING), CAST('inva lid://user:pass@host/file;param?query;p2' AS STRING), CAST('' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c25 WITH ('connector' = 'print', 'print-identifier' = 'c25') AS SELECT url_encode(f2) AS v FROM (VALUES (1, CAST('https://flink.apache.org/' AS STRING), CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST(NULL AS STRING), CAST('inva lid://user:pass@host/file;param?query;p2' AS STRING), CAST('' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c26 WITH ('connector' = 'print', 'print-identifier' = 'c26') AS SELECT url_encode(f3) AS v FROM (VALUES (1, CAST('https://flink.apache.org/' AS STRING), CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST(NULL AS STRING), CAST('inva lid://user:pass@host/file;param?query;p2' AS STRING), CAST('' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c27 WITH ('connector' = 'print', 'print-identifier' = 'c27') AS SELECT url_encode(f4) AS v FROM (VALUES (1, CAST('https://flink.apache.org/' AS STRING), CAST('https%3A%2F%2Fflink.apache.org%2F' AS STRING), CAST(NULL AS STRING), CAST('inva lid://user:pass@host/file;param?query;p2' AS STRING), CAST('' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
RESET 'table.local-time-zone';
CREATE TABLE c28 WITH ('connector' = 'print', 'print-identifier' = 'c28') AS SELECT f0 LIKE 'a%b"c%d' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c29 WITH ('connector' = 'print', 'print-identifier' = 'c29') AS SELECT f0 LIKE 't%es%t' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c30 WITH ('connector' = 'print', 'print-identifier' = 'c30') AS SELECT f0 LIKE 'a"b%c%d' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c31 WITH ('connector' = 'print', 'print-identifier' = 'c31') AS SELECT f1 LIKE 't"e%s%t' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c32 WITH ('connector' = 'print', 'print-identifier' = 'c32') AS SELECT f0 LIKE 'a%b%c"d' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c33 WITH ('connector' = 'print', 'print-identifier' = 'c33') AS SELECT f2 LIKE 't%e%s"t' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c34 WITH ('connector' = 'print', 'print-identifier' = 'c34') AS SELECT f0 LIKE 'a"%b"%c' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c35 WITH ('connector' = 'print', 'print-identifier' = 'c35') AS SELECT f3 LIKE 't"%s"%t' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c36 WITH ('connector' = 'print', 'print-identifier' = 'c36') AS SELECT f0 LIKE 'te_t"' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c37 WITH ('connector' = 'print', 'print-identifier' = 'c37') AS SELECT f2 LIKE 'te_"t' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c38 WITH ('connector' = 'print', 'print-identifier' = 'c38') AS SELECT f0 LIKE '_"_test_"_' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c39 WITH ('connector' = 'print', 'print-identifier' = 'c39') AS SELECT f3 LIKE '_"__"_' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('t"est' AS STRING), CAST('tes"t' AS STRING), CAST('t"es"t' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c40 WITH ('connector' = 'print', 'print-identifier' = 'c40') AS SELECT f0 LIKE 'test' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c41 WITH ('connector' = 'print', 'print-identifier' = 'c41') AS SELECT '' LIKE '' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c42 WITH ('connector' = 'print', 'print-identifier' = 'c42') AS SELECT '' LIKE '%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c43 WITH ('connector' = 'print', 'print-identifier' = 'c43') AS SELECT f0 LIKE '' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c44 WITH ('connector' = 'print', 'print-identifier' = 'c44') AS SELECT f0 LIKE '%%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c45 WITH ('connector' = 'print', 'print-identifier' = 'c45') AS SELECT f0 LIKE 'te%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c46 WITH ('connector' = 'print', 'print-identifier' = 'c46') AS SELECT f0 LIKE '%st' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c47 WITH ('connector' = 'print', 'print-identifier' = 'c47') AS SELECT f0 LIKE '%es%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c48 WITH ('connector' = 'print', 'print-identifier' = 'c48') AS SELECT f3 LIKE '%''%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c49 WITH ('connector' = 'print', 'print-identifier' = 'c49') AS SELECT f1 LIKE 'abc%def' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c50 WITH ('connector' = 'print', 'print-identifier' = 'c50') AS SELECT f0 LIKE 'orange' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('abc%def' AS STRING), CAST('test_123' AS STRING), CAST('hello''world' AS STRING)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c51 WITH ('connector' = 'print', 'print-identifier' = 'c51') AS SELECT f0 LIKE 'test\"more' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c52 WITH ('connector' = 'print', 'print-identifier' = 'c52') AS SELECT f0 LIKE 'test\\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c53 WITH ('connector' = 'print', 'print-identifier' = 'c53') AS SELECT f0 LIKE 'test"quote' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c54 WITH ('connector' = 'print', 'print-identifier' = 'c54') AS SELECT f2 LIKE 'te"st' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c55 WITH ('connector' = 'print', 'print-identifier' = 'c55') AS SELECT f0 LIKE '"test' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c56 WITH ('connector' = 'print', 'print-identifier' = 'c56') AS SELECT f1 LIKE '"test' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c57 WITH ('connector' = 'print', 'print-identifier' = 'c57') AS SELECT f0 LIKE 'test"' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c58 WITH ('connector' = 'print', 'print-identifier' = 'c58') AS SELECT f3 LIKE 'test"' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c59 WITH ('connector' = 'print', 'print-identifier' = 'c59') AS SELECT f0 LIKE 'start"test%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c60 WITH ('connector' = 'print', 'print-identifier' = 'c60') AS SELECT f2 LIKE 'te"s%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c61 WITH ('connector' = 'print', 'print-identifier' = 'c61') AS SELECT f0 LIKE '%test"end' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c62 WITH ('connector' = 'print', 'print-identifier' = 'c62') AS SELECT f2 LIKE '%te"st' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c63 WITH ('connector' = 'print', 'print-identifier' = 'c63') AS SELECT f0 LIKE '%mid"dle%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c64 WITH ('connector' = 'print', 'print-identifier' = 'c64') AS SELECT f2 LIKE '%te"st%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c65 WITH ('connector' = 'print', 'print-identifier' = 'c65') AS SELECT f0 LIKE 'test\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c66 WITH ('connector' = 'print', 'print-identifier' = 'c66') AS SELECT f4 LIKE 'test\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('"test' AS STRING), CAST('te"st' AS STRING), CAST('test"' AS STRING), CAST('test\' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c67 WITH ('connector' = 'print', 'print-identifier' = 'c67') AS SELECT f0 LIKE 'test"end' ESCAPE '' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c68 WITH ('connector' = 'print', 'print-identifier' = 'c68') AS SELECT f0 LIKE '' ESCAPE '' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c69 WITH ('connector' = 'print', 'print-identifier' = 'c69') AS SELECT f0 LIKE 'test' ESCAPE '✅' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c70 WITH ('connector' = 'print', 'print-identifier' = 'c70') AS SELECT f1 LIKE 'test✅%' ESCAPE '✅' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c71 WITH ('connector' = 'print', 'print-identifier' = 'c71') AS SELECT f1 LIKE 'test!%' ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c72 WITH ('connector' = 'print', 'print-identifier' = 'c72') AS SELECT f0 LIKE '✅test' ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c73 WITH ('connector' = 'print', 'print-identifier' = 'c73') AS SELECT f0 LIKE '✅test' ESCAPE '\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c74 WITH ('connector' = 'print', 'print-identifier' = 'c74') AS SELECT f5 LIKE '✅test✅' ESCAPE '\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c75 WITH ('connector' = 'print', 'print-identifier' = 'c75') AS SELECT f5 LIKE '✅%✅' ESCAPE '\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c76 WITH ('connector' = 'print', 'print-identifier' = 'c76') AS SELECT f5 LIKE '✅%' ESCAPE '\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c77 WITH ('connector' = 'print', 'print-identifier' = 'c77') AS SELECT f5 LIKE '%st✅' ESCAPE '\' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c78 WITH ('connector' = 'print', 'print-identifier' = 'c78') AS SELECT f2 LIKE 'te_st' ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c79 WITH ('connector' = 'print', 'print-identifier' = 'c79') AS SELECT f2 LIKE 'te__st' ESCAPE '_' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c80 WITH ('connector' = 'print', 'print-identifier' = 'c80') AS SELECT f1 LIKE 'test_%' ESCAPE '_' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c81 WITH ('connector' = 'print', 'print-identifier' = 'c81') AS SELECT f2 LIKE 'te%_st' ESCAPE '%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c82 WITH ('connector' = 'print', 'print-identifier' = 'c82') AS SELECT f1 LIKE 'test%%' ESCAPE '%' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c83 WITH ('connector' = 'print', 'print-identifier' = 'c83') AS SELECT f0 LIKE 'test"end' ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c84 WITH ('connector' = 'print', 'print-identifier' = 'c84') AS SELECT f3 LIKE 'te"st' ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c85 WITH ('connector' = 'print', 'print-identifier' = 'c85') AS SELECT f4 LIKE 'test\' ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c86 WITH ('connector' = 'print', 'print-identifier' = 'c86') AS SELECT 'a1bc' LIKE CAST('a%"+1+"b%c' AS STRING) ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c87 WITH ('connector' = 'print', 'print-identifier' = 'c87') AS SELECT 'a1"+1+"bc' LIKE CAST('a%"+1+"b%c' AS STRING) ESCAPE '!' AS v FROM (VALUES (1, CAST('test' AS STRING), CAST('test%' AS STRING), CAST('te_st' AS STRING), CAST('te"st' AS STRING), CAST('test\' AS STRING), CAST('✅test✅' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c88 WITH ('connector' = 'print', 'print-identifier' = 'c88') AS SELECT conv(f1, 10, 16) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
CREATE TABLE c89 WITH ('connector' = 'print', 'print-identifier' = 'c89') AS SELECT conv(f2, 10, 16) AS v FROM (VALUES (1, CAST(NULL AS BIGINT), CAST(44 AS TINYINT), CAST(43 AS SMALLINT), CAST(100 AS BIGINT), CAST(-1 AS BIGINT), CAST('facebook' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4, f5) WHERE id = 1;
-- expect stdout (unordered):
--| c0> +I[true]
--| c1> +I[false]
--| c2> +I[false]
--| c3> +I[false]
--| c4> +I[true]
--| c5> +I[null]
--| c6> +I[false]
--| c7> +I[true]
--| c8> +I[3.14]
--| c9> +I[null]
--| c10> +I[world]
--| c11> +I[1970-01-01T00:00:03.001]
--| c12> +I[1.00]
--| c13> +I[null]
--| c14> +I[hello]
--| c15> +I[3.14]
--| c16> +I[1.00]
--| c17> +I[https://flink.apache.org/]
--| c18> +I[https://flink.apache.org/]
--| c19> +I[null]
--| c20> +I[inva lid://user:pass@host/file;param?query;p2]
--| c21> +I[]
--| c22> +I[null]
--| c23> +I[https%3A%2F%2Fflink.apache.org%2F]
--| c24> +I[https%253A%252F%252Fflink.apache.org%252F]
--| c25> +I[null]
--| c26> +I[inva+lid%3A%2F%2Fuser%3Apass%40host%2Ffile%3Bparam%3Fquery%3Bp2]
--| c27> +I[]
--| c28> +I[false]
--| c29> +I[true]
--| c30> +I[false]
--| c31> +I[true]
--| c32> +I[false]
--| c33> +I[true]
--| c34> +I[false]
--| c35> +I[true]
--| c36> +I[false]
--| c37> +I[true]
--| c38> +I[false]
--| c39> +I[true]
--| c40> +I[true]
--| c41> +I[true]
--| c42> +I[true]
--| c43> +I[false]
--| c44> +I[true]
--| c45> +I[true]
--| c46> +I[true]
--| c47> +I[true]
--| c48> +I[true]
--| c49> +I[true]
--| c50> +I[false]
--| c51> +I[false]
--| c52> +I[false]
--| c53> +I[false]
--| c54> +I[true]
--| c55> +I[false]
--| c56> +I[true]
--| c57> +I[false]
--| c58> +I[true]
--| c59> +I[false]
--| c60> +I[true]
--| c61> +I[false]
--| c62> +I[true]
--| c63> +I[false]
--| c64> +I[true]
--| c65> +I[false]
--| c66> +I[true]
--| c67> +I[false]
--| c68> +I[false]
--| c69> +I[true]
--| c70> +I[true]
--| c71> +I[true]
--| c72> +I[false]
--| c73> +I[false]
--| c74> +I[true]
--| c75> +I[true]
--| c76> +I[true]
--| c77> +I[true]
--| c78> +I[true]
--| c79> +I[true]
--| c80> +I[true]
--| c81> +I[true]
--| c82> +I[true]
--| c83> +I[false]
--| c84> +I[true]
--| c85> +I[true]
--| c86> +I[false]
--| c87> +I[true]
--| c88> +I[2C]
--| c89> +I[2B]
