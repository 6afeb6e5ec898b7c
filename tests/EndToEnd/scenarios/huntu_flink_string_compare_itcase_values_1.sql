-- scenario: ELT, TRANSLATE, REGEXP_*, comparisons with NaN and TIMESTAMP_LTZ, GREATEST/LEAST, URL_ENCODE/DECODE, LIKE, CONV and COALESCE as Flink's String, Regexp, Comparison, GreatestLeast, Url, Like, Conv and Coalesce function ITCases (part 1 of 3: 90 expressions, each value as Flink's ITCase expects it)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE c0 WITH ('connector' = 'print', 'print-identifier' = 'c0') AS SELECT ELT(f0, 'a', 'b') AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(X'010203' AS BYTES)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c1 WITH ('connector' = 'print', 'print-identifier' = 'c1') AS SELECT ELT(1, f1) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(X'010203' AS BYTES)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c2 WITH ('connector' = 'print', 'print-identifier' = 'c2') AS SELECT ELT(1, 'a', f1) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(X'010203' AS BYTES)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c3 WITH ('connector' = 'print', 'print-identifier' = 'c3') AS SELECT ELT(1, 'scala', 'java') AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(X'010203' AS BYTES)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c4 WITH ('connector' = 'print', 'print-identifier' = 'c4') AS SELECT ELT(2, 'a', 'b') AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(X'010203' AS BYTES)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c5 WITH ('connector' = 'print', 'print-identifier' = 'c5') AS SELECT ELT(2, f2, f3, f3) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(X'010203' AS BYTES)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c6 WITH ('connector' = 'print', 'print-identifier' = 'c6') AS SELECT ELT(3, f2, f3, f2) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(NULL AS STRING), CAST(NULL AS BYTES), CAST(X'010203' AS BYTES)), (2, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3) WHERE id = 1;
CREATE TABLE c7 WITH ('connector' = 'print', 'print-identifier' = 'c7') AS SELECT REGEXP_EXTRACT(f0,'[A-Z]+') AS v FROM (VALUES (1, CAST('22' AS STRING), CAST('ABC' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c8 WITH ('connector' = 'print', 'print-identifier' = 'c8') AS SELECT REGEXP_EXTRACT(f1, '[A-Z]+') AS v FROM (VALUES (1, CAST('22' AS STRING), CAST('ABC' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c9 WITH ('connector' = 'print', 'print-identifier' = 'c9') AS SELECT TRANSLATE(f0, 'abc', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c10 WITH ('connector' = 'print', 'print-identifier' = 'c10') AS SELECT TRANSLATE(f1, f0, '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c11 WITH ('connector' = 'print', 'print-identifier' = 'c11') AS SELECT TRANSLATE(f1, 'abc', f0) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c12 WITH ('connector' = 'print', 'print-identifier' = 'c12') AS SELECT TRANSLATE(f2, 'abc', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c13 WITH ('connector' = 'print', 'print-identifier' = 'c13') AS SELECT TRANSLATE(f1, f2, '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c14 WITH ('connector' = 'print', 'print-identifier' = 'c14') AS SELECT TRANSLATE(f1, 'abc', f2) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c15 WITH ('connector' = 'print', 'print-identifier' = 'c15') AS SELECT TRANSLATE(f1, 'abcde', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c16 WITH ('connector' = 'print', 'print-identifier' = 'c16') AS SELECT TRANSLATE(f1, 'abcde.', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c17 WITH ('connector' = 'print', 'print-identifier' = 'c17') AS SELECT TRANSLATE(f1, 'abc', '12345') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c18 WITH ('connector' = 'print', 'print-identifier' = 'c18') AS SELECT TRANSLATE(f1, 'abcae', '12345') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c19 WITH ('connector' = 'print', 'print-identifier' = 'c19') AS SELECT TRANSLATE(f1, '...', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c20 WITH ('connector' = 'print', 'print-identifier' = 'c20') AS SELECT TRANSLATE(f1, 'ABCDE', '12345') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c21 WITH ('connector' = 'print', 'print-identifier' = 'c21') AS SELECT TRANSLATE(f3, '翻译测试test，', '测试翻译tset。') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c22 WITH ('connector' = 'print', 'print-identifier' = 'c22') AS SELECT TRANSLATE(f3, '翻译测试test，', 'test翻译  ') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c23 WITH ('connector' = 'print', 'print-identifier' = 'c23') AS SELECT TRANSLATE(f4, '.😀', '😀.') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c24 WITH ('connector' = 'print', 'print-identifier' = 'c24') AS SELECT TRANSLATE(f4, '😀w', '笑α') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c25 WITH ('connector' = 'print', 'print-identifier' = 'c25') AS SELECT TRANSLATE('www.apache.org', 'abc', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c26 WITH ('connector' = 'print', 'print-identifier' = 'c26') AS SELECT TRANSLATE(TRANSLATE('www.apache.org', 'abc', '123'), 'abc', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c27 WITH ('connector' = 'print', 'print-identifier' = 'c27') AS SELECT TRANSLATE(f1, 'abc', '123') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c28 WITH ('connector' = 'print', 'print-identifier' = 'c28') AS SELECT TRANSLATE(f1, 'abc', 'ABC') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c29 WITH ('connector' = 'print', 'print-identifier' = 'c29') AS SELECT TRANSLATE(f1, 'abcworg', '123 ') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('www.apache.org' AS STRING), CAST('' AS STRING), CAST('翻译test，测试' AS STRING), CAST('www.😀.org' AS STRING)), (2, NULL, NULL, NULL, NULL, NULL)) AS t(id, f0, f1, f2, f3, f4) WHERE id = 1;
CREATE TABLE c30 WITH ('connector' = 'print', 'print-identifier' = 'c30') AS SELECT REGEXP_COUNT(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c31 WITH ('connector' = 'print', 'print-identifier' = 'c31') AS SELECT REGEXP_COUNT(f1, f0) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c32 WITH ('connector' = 'print', 'print-identifier' = 'c32') AS SELECT REGEXP_COUNT(f1, '(') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c33 WITH ('connector' = 'print', 'print-identifier' = 'c33') AS SELECT REGEXP_COUNT('hello world! Hello everyone!', 'Hello') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c34 WITH ('connector' = 'print', 'print-identifier' = 'c34') AS SELECT REGEXP_COUNT('abcabcabc', 'abcab') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c35 WITH ('connector' = 'print', 'print-identifier' = 'c35') AS SELECT REGEXP_COUNT('abcd', 'z') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c36 WITH ('connector' = 'print', 'print-identifier' = 'c36') AS SELECT REGEXP_COUNT('^abc', '\^abc') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c37 WITH ('connector' = 'print', 'print-identifier' = 'c37') AS SELECT REGEXP_COUNT('a.b.c.d', '\.') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c38 WITH ('connector' = 'print', 'print-identifier' = 'c38') AS SELECT REGEXP_COUNT('a*b*c*d', '\*') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c39 WITH ('connector' = 'print', 'print-identifier' = 'c39') AS SELECT REGEXP_COUNT('abc123xyz456', '\d') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c40 WITH ('connector' = 'print', 'print-identifier' = 'c40') AS SELECT REGEXP_COUNT('Helloworld! Hello everyone!', '\bHello\b') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c41 WITH ('connector' = 'print', 'print-identifier' = 'c41') AS SELECT REGEXP_EXTRACT(f0,'[A-Z]+') AS v FROM (VALUES (1, CAST('22' AS STRING), CAST('ABC' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c42 WITH ('connector' = 'print', 'print-identifier' = 'c42') AS SELECT REGEXP_EXTRACT(f1, '[A-Z]+') AS v FROM (VALUES (1, CAST('22' AS STRING), CAST('ABC' AS STRING)), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c43 WITH ('connector' = 'print', 'print-identifier' = 'c43') AS SELECT REGEXP_EXTRACT_ALL(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c44 WITH ('connector' = 'print', 'print-identifier' = 'c44') AS SELECT REGEXP_EXTRACT_ALL(f1, f0) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c45 WITH ('connector' = 'print', 'print-identifier' = 'c45') AS SELECT REGEXP_EXTRACT_ALL(f1, f1, NULL) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c46 WITH ('connector' = 'print', 'print-identifier' = 'c46') AS SELECT REGEXP_EXTRACT_ALL(f2, '[a-z]', 0) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c47 WITH ('connector' = 'print', 'print-identifier' = 'c47') AS SELECT REGEXP_EXTRACT_ALL(f1, '(abcdeabde)|([a-z]*)', 2) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c48 WITH ('connector' = 'print', 'print-identifier' = 'c48') AS SELECT REGEXP_EXTRACT_ALL(f1, 'ab((c)|(.?))de', 2) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c49 WITH ('connector' = 'print', 'print-identifier' = 'c49') AS SELECT REGEXP_EXTRACT_ALL(f1, '(ab)([a-z]+)(e)', 2) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c50 WITH ('connector' = 'print', 'print-identifier' = 'c50') AS SELECT REGEXP_EXTRACT_ALL(f1, '', 0) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c51 WITH ('connector' = 'print', 'print-identifier' = 'c51') AS SELECT REGEXP_EXTRACT_ALL(f2, '(\d+)-(\d+)', 0) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c52 WITH ('connector' = 'print', 'print-identifier' = 'c52') AS SELECT REGEXP_EXTRACT_ALL(f2, '(\d+)-(\d+)', 1) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c53 WITH ('connector' = 'print', 'print-identifier' = 'c53') AS SELECT REGEXP_EXTRACT_ALL(f2, '(\d+)-(\d+)', 2) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c54 WITH ('connector' = 'print', 'print-identifier' = 'c54') AS SELECT REGEXP_EXTRACT_ALL(f2, '(\d+).*', 1) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c55 WITH ('connector' = 'print', 'print-identifier' = 'c55') AS SELECT REGEXP_INSTR(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c56 WITH ('connector' = 'print', 'print-identifier' = 'c56') AS SELECT REGEXP_INSTR(f1, f0) AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c57 WITH ('connector' = 'print', 'print-identifier' = 'c57') AS SELECT REGEXP_INSTR(f1, '(') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c58 WITH ('connector' = 'print', 'print-identifier' = 'c58') AS SELECT REGEXP_INSTR(f2, '[a-z]') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c59 WITH ('connector' = 'print', 'print-identifier' = 'c59') AS SELECT REGEXP_INSTR('Helloworld! Hello everyone!', '\bHello\b') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c60 WITH ('connector' = 'print', 'print-identifier' = 'c60') AS SELECT REGEXP_INSTR('Helloworld!  Hello everyone!', '\bHello\b') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c61 WITH ('connector' = 'print', 'print-identifier' = 'c61') AS SELECT REGEXP_INSTR('hello world! Hello everyone!', 'Hello') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c62 WITH ('connector' = 'print', 'print-identifier' = 'c62') AS SELECT REGEXP_INSTR('a.b.c.d', '\.') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c63 WITH ('connector' = 'print', 'print-identifier' = 'c63') AS SELECT REGEXP_INSTR('abc123xyz456', '\d') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c64 WITH ('connector' = 'print', 'print-identifier' = 'c64') AS SELECT REGEXP_INSTR(f2, '(\d+)-(\d+)') AS v FROM (VALUES (1, CAST(NULL AS STRING), CAST('abcdeabde' AS STRING), CAST('100-200, 300-400' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c65 WITH ('connector' = 'print', 'print-identifier' = 'c65') AS SELECT TYPEOF(NULL) AS v FROM (VALUES (CAST(12 AS INT), CAST('Hello world' AS STRING), CAST(FALSE AS BOOLEAN))) AS t(f0, f1, f2);
CREATE TABLE c66 WITH ('connector' = 'print', 'print-identifier' = 'c66') AS SELECT IFNULL(f0, f0) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(123.45 AS DECIMAL(5, 2))), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c67 WITH ('connector' = 'print', 'print-identifier' = 'c67') AS SELECT IFNULL(f0, f1) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(123.45 AS DECIMAL(5, 2))), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c68 WITH ('connector' = 'print', 'print-identifier' = 'c68') AS SELECT IFNULL(f1, f0) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(123.45 AS DECIMAL(5, 2))), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c69 WITH ('connector' = 'print', 'print-identifier' = 'c69') AS SELECT IFNULL(f0, 12) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(123.45 AS DECIMAL(5, 2))), (2, NULL, NULL)) AS t(id, f0, f1) WHERE id = 1;
CREATE TABLE c70 WITH ('connector' = 'print', 'print-identifier' = 'c70') AS SELECT f2 || '!' AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(12 AS INT), CAST('Hello World' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c71 WITH ('connector' = 'print', 'print-identifier' = 'c71') AS SELECT ABS(f0) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(12 AS INT), CAST('Hello World' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c72 WITH ('connector' = 'print', 'print-identifier' = 'c72') AS SELECT SUBSTRING(UPPER(f2) || LOWER(f2), 2, 20) AS v FROM (VALUES (1, CAST(NULL AS INT), CAST(12 AS INT), CAST('Hello World' AS STRING)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
SET 'table.local-time-zone' = 'GMT-08:00';
CREATE TABLE c73 WITH ('connector' = 'print', 'print-identifier' = 'c73') AS SELECT f0 = f1 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:01.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c74 WITH ('connector' = 'print', 'print-identifier' = 'c74') AS SELECT f1 = f0 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:01.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c75 WITH ('connector' = 'print', 'print-identifier' = 'c75') AS SELECT f0 = f2 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:01.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c76 WITH ('connector' = 'print', 'print-identifier' = 'c76') AS SELECT f2 = f0 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:01.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c77 WITH ('connector' = 'print', 'print-identifier' = 'c77') AS SELECT f1 = f2 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:01.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c78 WITH ('connector' = 'print', 'print-identifier' = 'c78') AS SELECT f2 = f1 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:01.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c79 WITH ('connector' = 'print', 'print-identifier' = 'c79') AS SELECT f0 > f1 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c80 WITH ('connector' = 'print', 'print-identifier' = 'c80') AS SELECT f1 > f0 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c81 WITH ('connector' = 'print', 'print-identifier' = 'c81') AS SELECT f0 > f2 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c82 WITH ('connector' = 'print', 'print-identifier' = 'c82') AS SELECT f2 > f0 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c83 WITH ('connector' = 'print', 'print-identifier' = 'c83') AS SELECT f0 < f1 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c84 WITH ('connector' = 'print', 'print-identifier' = 'c84') AS SELECT f1 < f0 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c85 WITH ('connector' = 'print', 'print-identifier' = 'c85') AS SELECT f0 < f2 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c86 WITH ('connector' = 'print', 'print-identifier' = 'c86') AS SELECT f2 < f0 AS v FROM (VALUES (1, CAST(TO_TIMESTAMP_LTZ(1123, 3) AS TIMESTAMP_LTZ(3)), CAST(TO_TIMESTAMP_LTZ(1000, 3) AS TIMESTAMP_LTZ(0)), CAST(TIMESTAMP '1969-12-31 16:00:00.123' AS TIMESTAMP(3))), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c87 WITH ('connector' = 'print', 'print-identifier' = 'c87') AS SELECT CAST(f0 AS DOUBLE) = CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c88 WITH ('connector' = 'print', 'print-identifier' = 'c88') AS SELECT CAST(f0 AS DOUBLE) >= CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
CREATE TABLE c89 WITH ('connector' = 'print', 'print-identifier' = 'c89') AS SELECT CAST(f0 AS DOUBLE) <= CAST(f0 AS DOUBLE) AS v FROM (VALUES (1, CAST('NaN' AS STRING), CAST(1.5 AS DOUBLE), CAST(NULL AS DOUBLE)), (2, NULL, NULL, NULL)) AS t(id, f0, f1, f2) WHERE id = 1;
-- expect stdout (unordered):
--| c0> +I[null]
--| c1> +I[null]
--| c2> +I[a]
--| c3> +I[scala]
--| c4> +I[b]
--| c5> +I[[1, 2, 3]]
--| c6> +I[null]
--| c7> +I[null]
--| c8> +I[ABC]
--| c9> +I[null]
--| c10> +I[www.apache.org]
--| c11> +I[www.phe.org]
--| c12> +I[]
--| c13> +I[www.apache.org]
--| c14> +I[www.phe.org]
--| c15> +I[www.1p13h.org]
--| c16> +I[www1p13horg]
--| c17> +I[www.1p13he.org]
--| c18> +I[www.1p13h5.org]
--| c19> +I[www1apache1org]
--| c20> +I[www.apache.org]
--| c21> +I[测试tset。翻译]
--| c22> +I[te翻译 翻st]
--| c23> +I[www😀.😀org]
--| c24> +I[ααα.笑.org]
--| c25> +I[www.1p13he.org]
--| c26> +I[www.1p13he.org]
--| c27> +I[www.1p13he.org]
--| c28> +I[www.ApAChe.org]
--| c29> +I[   .1p13he.]
--| c30> +I[null]
--| c31> +I[null]
--| c32> +I[null]
--| c33> +I[1]
--| c34> +I[1]
--| c35> +I[0]
--| c36> +I[1]
--| c37> +I[3]
--| c38> +I[3]
--| c39> +I[6]
--| c40> +I[1]
--| c41> +I[null]
--| c42> +I[ABC]
--| c43> +I[null]
--| c44> +I[null]
--| c45> +I[null]
--| c46> +I[[]]
--| c47> +I[[null, ]]
--| c48> +I[[c, null]]
--| c49> +I[[cdeabd]]
--| c50> +I[[, , , , , , , , , ]]
--| c51> +I[[100-200, 300-400]]
--| c52> +I[[100, 300]]
--| c53> +I[[200, 400]]
--| c54> +I[[100]]
--| c55> +I[null]
--| c56> +I[null]
--| c57> +I[null]
--| c58> +I[0]
--| c59> +I[13]
--| c60> +I[14]
--| c61> +I[14]
--| c62> +I[2]
--| c63> +I[4]
--| c64> +I[1]
--| c65> +I[NULL]
--| c66> +I[null]
--| c67> +I[123.45]
--| c68> +I[123.45]
--| c69> +I[12]
--| c70> +I[Hello World!]
--| c71> +I[null]
--| c72> +I[ELLO WORLDhello worl]
--| c73> +I[false]
--| c74> +I[false]
--| c75> +I[true]
--| c76> +I[true]
--| c77> +I[false]
--| c78> +I[false]
--| c79> +I[true]
--| c80> +I[false]
--| c81> +I[true]
--| c82> +I[false]
--| c83> +I[false]
--| c84> +I[true]
--| c85> +I[false]
--| c86> +I[true]
--| c87> +I[false]
--| c88> +I[false]
--| c89> +I[false]
