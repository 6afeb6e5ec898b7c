-- scenario: Flink's System (Built-in) Functions page, the collection and string functions that have no E.g. but whose descriptions fix the answer: ARRAY_APPEND/PREPEND (a NULL element is added), ARRAY_CONTAINS of NULL, ARRAY_DISTINCT keeping order, ARRAY_POSITION (1-based, 0 when missing), ARRAY_REMOVE, ARRAY_REVERSE, ARRAY_SLICE (0 is the start, negative from the end, start after end or out of bounds gives []), ARRAY_SORT (ascending nulls first by default; descending puts NULLs last; null_first overrides), ARRAY_UNION/CONCAT/EXCEPT/INTERSECT (array1's order, no duplicates), ARRAY_MAX/MIN, ARRAY_JOIN with and without a NULL replacement, SPLIT (empty delimiter splits every character, delimiters at the ends give empty strings, no delimiter gives the string); BTRIM/LTRIM/RTRIM with trim characters, STARTSWITH/ENDSWITH (an empty prefix is true), REGEXP_COUNT/EXTRACT_ALL/INSTR/SUBSTR, TRANSLATE (a shorter toStr removes the rest), ELT out of range NULL, PRINTF (a NULL argument prints null), URL_ENCODE/DECODE, JSON_QUOTE/UNQUOTE, INSTR, LOCATE from a position, LEFT/RIGHT with a negative length, INITCAP
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE a WITH ('connector' = 'print', 'print-identifier' = 'arr') AS SELECT
  ARRAY_APPEND(ARRAY[1, 2], 3) AS a1, ARRAY_APPEND(ARRAY[1, 2], CAST(NULL AS INT)) AS a2, ARRAY_PREPEND(ARRAY[1, 2], 0) AS a3,
  ARRAY_CONTAINS(ARRAY[1, NULL], CAST(NULL AS INT)) AS a4, ARRAY_DISTINCT(ARRAY[1, 2, 1, NULL, NULL]) AS a5, ARRAY_POSITION(ARRAY[5, 6, 5], 5) AS a6, ARRAY_POSITION(ARRAY[5], 7) AS a7,
  ARRAY_REMOVE(ARRAY[1, 2, 1], 1) AS a8, ARRAY_REVERSE(ARRAY[1, 2, 3]) AS a9,
  ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], 2, 4) AS s1, ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], 0, 2) AS s2, ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], -2) AS s3, ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], 4, 2) AS s4, ARRAY_SLICE(ARRAY[1, 2, 3], 7, 9) AS s5,
  ARRAY_SORT(ARRAY[3, NULL, 1, 2]) AS o1, ARRAY_SORT(ARRAY[3, NULL, 1, 2], FALSE) AS o2, ARRAY_SORT(ARRAY[3, NULL, 1, 2], TRUE, FALSE) AS o3, ARRAY_SORT(ARRAY[3, NULL, 1, 2], FALSE, TRUE) AS o4,
  ARRAY_UNION(ARRAY[1, 2, 2], ARRAY[2, 3]) AS u1, ARRAY_CONCAT(ARRAY[1], ARRAY[2, 3], ARRAY[1]) AS u2, ARRAY_EXCEPT(ARRAY[1, 2, 2, 3], ARRAY[3]) AS u3, ARRAY_INTERSECT(ARRAY[1, 2, 2, 3], ARRAY[2, 1]) AS u4,
  ARRAY_MAX(ARRAY[1, NULL, 3]) AS x1, ARRAY_MIN(ARRAY[4, NULL, 3]) AS x2,
  ARRAY_JOIN(ARRAY['a', NULL, 'c'], ',') AS j1, ARRAY_JOIN(ARRAY['a', NULL, 'c'], ',', 'N') AS j2,
  SPLIT('a,b,,c', ',') AS p1, SPLIT('abc', '') AS p2, SPLIT(',a,', ',') AS p3, SPLIT('abc', 'x') AS p4;
CREATE TABLE s WITH ('connector' = 'print', 'print-identifier' = 'str') AS SELECT
  BTRIM('  hi  ') AS b1, BTRIM('xxhixx', 'x') AS b2, LTRIM('xxhi', 'x') AS b3, RTRIM('hixx', 'x') AS b4,
  STARTSWITH('Flink', 'Fl') AS c1, STARTSWITH('Flink', '') AS c2, ENDSWITH('Flink', 'nk') AS c3,
  REGEXP_COUNT('ababab', 'ab') AS r1, REGEXP_EXTRACT_ALL('a1b22c333', '(\d+)') AS r2, REGEXP_EXTRACT_ALL('a1b22', '([a-z])(\d+)', 2) AS r3,
  REGEXP_INSTR('abc123', '\d') AS r4, REGEXP_INSTR('abc', '\d') AS r5, REGEXP_SUBSTR('abc123def456', '\d+') AS r6,
  TRANSLATE('abcabc', 'ab', 'x') AS t1, TRANSLATE('hello', 'el', 'ip') AS t2,
  ELT(2, 'a', 'b', 'c') AS e1, ELT(4, 'a', 'b') AS e2, PRINTF('%s-%d', 'x', 5) AS f1, PRINTF('[%s]', CAST(NULL AS STRING)) AS f2,
  URL_ENCODE('a b&c') AS u1, URL_DECODE('a+b%26c') AS u2, JSON_QUOTE('a"b\c') AS q1, JSON_UNQUOTE('"a\"b"') AS q2, JSON_UNQUOTE('abc') AS q3,
  INSTR('hello', 'l') AS i1, LOCATE('l', 'hello', 4) AS i2, LEFT('hello', 2) AS i3, RIGHT('hello', -1) AS i4, INITCAP('hello wORLD-foo') AS i5;
-- expect stdout (unordered):
--| arr> +I[[1, 2, 3], [1, 2, null], [0, 1, 2], true, [1, 2, null], 1, 0, [2], [3, 2, 1], [2, 3, 4], [1, 2], [4, 5], [], [], [null, 1, 2, 3], [3, 2, 1, null], [1, 2, 3, null], [null, 3, 2, 1], [1, 2, 3], [1, 2, 3, 1], [1, 2], [1, 2], 3, 3, a,c, a,N,c, [a, b, , c], [a, b, c], [, a, ], [abc]]
--| str> +I[hi, hi, hi, hi, true, true, true, 3, [1, 22, 333], [1, 22], 4, 0, 123, xcxc, hippo, b, null, x-5, [null], a+b%26c, a b&c, "a\"b\\c", a"b, abc, 3, 4, he, , Hello World-Foo]
