-- scenario: ARRAY_* functions, SPLIT and ELEMENT on the inputs of Flink's CollectionFunctionsITCase give its expected values, also over ROW, ARRAY and MAP elements (compared field by field and element by element, a NULL equal to a NULL) and with a DECIMAL needle cast to the element type
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY VIEW t AS SELECT * FROM (VALUES (
  ARRAY[1, 2], CAST(NULL AS ARRAY<INT>), ARRAY['Hello', 'World'],
  ARRAY[ROW(TRUE, DATE '2022-04-20'), ROW(TRUE, DATE '1990-10-14'), NULL],
  ARRAY[CAST(NULL AS INT), 1, 2, 3, 4, 5, 4, 3, 2, 1, NULL],
  ARRAY[ARRAY[1, NULL, 3], ARRAY[0], ARRAY[1]],
  ARRAY[MAP[1, 'a', 2, 'b'], MAP[3, 'c', 4, 'd'], NULL])) AS v(f0, f1, f2, r, d, aa, m);
CREATE TABLE basic_sink (appended ARRAY<INT>, appended_to_null ARRAY<INT>, prepended ARRAY<STRING>, contains_null BOOLEAN, contains_in_null BOOLEAN,
  distinct_ints ARRAY<INT>, position INT, removed ARRAY<INT>, reversed ARRAY<INT>, unioned ARRAY<INT>, concatenated ARRAY<INT>,
  joined STRING, sliced ARRAY<INT>, sorted ARRAY<INT>, excepted ARRAY<INT>, intersected ARRAY<INT>, max_int INT, min_string STRING, split ARRAY<STRING>, element INT) WITH ('connector' = 'print');
INSERT INTO basic_sink SELECT
  ARRAY_APPEND(f0, NULL), ARRAY_APPEND(f1, 1), ARRAY_PREPEND(f2, '!'), ARRAY_CONTAINS(ARRAY[1, NULL, 3], NULL), ARRAY_CONTAINS(f1, 12),
  ARRAY_DISTINCT(d), ARRAY_POSITION(ARRAY[NULL, 1, 2, 2, NULL], 2), ARRAY_REMOVE(ARRAY[CAST(NULL AS INT), NULL, 1], NULL), ARRAY_REVERSE(ARRAY[1, 2, 2, NULL]),
  ARRAY_UNION(ARRAY[1, 2, NULL], ARRAY[1, NULL, 4]), ARRAY_CONCAT(ARRAY[1, 2, NULL], ARRAY[1, NULL, 4]),
  ARRAY_JOIN(ARRAY[NULL, NULL, '1', NULL, NULL], '+', ''), ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], -6, -5), ARRAY_SORT(ARRAY[1, 2, 2, NULL], false, true),
  ARRAY_EXCEPT(ARRAY[1, 2, 3, 2, 4, 2], ARRAY[2, 2]), ARRAY_INTERSECT(ARRAY[CAST(NULL AS INT), NULL, 1], ARRAY[NULL, 42]),
  ARRAY_MAX(ARRAY[1, 2, NULL]), ARRAY_MIN(ARRAY['a', NULL, 'bc', 'd', 'def']), SPLIT(',123,,,123,', ','), ELEMENT(ARRAY[1])
FROM t;
CREATE TABLE nested_sink (row_found BOOLEAN, row_missing BOOLEAN, null_found BOOLEAN, decimal_found BOOLEAN, row_position INT, rows_removed ARRAY<ROW<a BOOLEAN, b DATE>>,
  array_position INT, arrays_removed ARRAY<ARRAY<INT>>, map_position INT, maps_except ARRAY<MAP<INT, STRING>>, rows_intersected ARRAY<ROW<a BOOLEAN, b INT>>, rows_distinct ARRAY<ROW<a BOOLEAN, b DATE>>) WITH ('connector' = 'print');
INSERT INTO nested_sink SELECT
  ARRAY_CONTAINS(r, (TRUE, DATE '1990-10-14')), ARRAY_CONTAINS(r, (FALSE, DATE '1990-10-14')), ARRAY_CONTAINS(r, NULL), ARRAY_CONTAINS(ARRAY[1.6, 2.5], 1.55),
  ARRAY_POSITION(r, (TRUE, DATE '1990-10-14')), ARRAY_REMOVE(r, (TRUE, DATE '1990-10-14')),
  ARRAY_POSITION(aa, ARRAY[0, 1]), ARRAY_REMOVE(aa, ARRAY[0]), ARRAY_POSITION(m, MAP[3, 'c', 4, 'd']), ARRAY_EXCEPT(m, ARRAY[MAP[3, 'c', 4, 'd']]),
  ARRAY_INTERSECT(ARRAY[ROW(TRUE, 1), ROW(TRUE, 2), NULL], ARRAY[NULL, ROW(TRUE, 2)]),
  ARRAY_DISTINCT(ARRAY[ROW(TRUE, DATE '2022-04-20'), ROW(TRUE, DATE '1990-10-14'), ROW(TRUE, DATE '1990-10-14'), NULL])
FROM t;
-- expect stdout (unordered):
--| +I[[1, 2, null], null, [!, Hello, World], true, null, [null, 1, 2, 3, 4, 5], 3, [1], [null, 2, 2, 1], [1, 2, null, 4], [1, 2, null, 1, null, 4], ++1++, [1], [null, 2, 2, 1], [1, 3, 4], [null], 2, a, [, 123, , , 123, ], 1]
--| +I[true, false, true, true, 2, [+I[true, 2022-04-20], null], 0, [[1, null, 3], [1]], 2, [{1=a, 2=b}, null], [+I[true, 2], null], [+I[true, 2022-04-20], +I[true, 1990-10-14], null]]
