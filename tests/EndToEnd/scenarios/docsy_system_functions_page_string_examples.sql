-- scenario: Flink's System (Built-in) Functions page, the E.g. results of the string functions: LTRIM, RTRIM, REPEAT, REGEXP_REPLACE('foobar', 'oo|ar', '') fb, OVERLAY with and without FOR, REPLACE (non-overlapping: 'ababab' with 'abab' -> zab), REGEXP_EXTRACT group 2, CONCAT, CONCAT_WS skipping NULL but not '', LPAD/RPAD padding and shortening, FROM_BASE64/TO_BASE64, ASCII, CHR(353) = CHR(353 % 255), PARSE_URL HOST and QUERY key
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE str WITH ('connector' = 'print', 'print-identifier' = 'str') AS SELECT
  LTRIM(' This is a test String.') AS s1, RTRIM('This is a test String. ') AS s2,
  REPEAT('This is a test String.', 2) AS s3, REGEXP_REPLACE('foobar', 'oo|ar', '') AS s4,
  OVERLAY('xxxxxtest' PLACING 'xxxx' FROM 6) AS s5, OVERLAY('xxxxxtest' PLACING 'xxxx' FROM 6 FOR 2) AS s6,
  REPLACE('hello world', 'world', 'flink') AS s7, REPLACE('ababab', 'abab', 'z') AS s8,
  REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2) AS s9, CONCAT('AA', 'BB', 'CC') AS s10,
  CONCAT_WS('~', 'AA', CAST(NULL AS STRING), 'BB', '', 'CC') AS s11,
  LPAD('hi', 4, '??') AS s12, LPAD('hi', 1, '??') AS s13, RPAD('hi', 4, '??') AS s14, RPAD('hi', 1, '??') AS s15,
  FROM_BASE64('aGVsbG8gd29ybGQ=') AS s16, TO_BASE64('hello world') AS s17, ASCII('abc') AS s18, ASCII(CAST(NULL AS VARCHAR)) AS s19,
  CHR(97) AS s20, CHR(353) AS s21,
  PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'HOST') AS s22,
  PARSE_URL('http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1', 'QUERY', 'k1') AS s23;
-- expect stdout (unordered):
--| str> +I[This is a test String., This is a test String., This is a test String.This is a test String., fb, xxxxxxxxx, xxxxxxxxxst, hello flink, zab, bar, AABBCC, AA~BB~~CC, ??hi, h, hi??, h, hello world, aGVsbG8gd29ybGQ=, 97, null, a, a, facebook.com, v1]
