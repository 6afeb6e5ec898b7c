-- scenario: r['name'] reads a ROW field as r.name does (Calcite's ITEM over a ROW, Flink's ConstructedAccessFunctionsITCase), r[1] by position; a[i] and m['k'] of NULL collections are NULL; MAP constructors of MapFunctionITCase (expressions, casts, nested maps, DATE/TIME/TIMESTAMP keys and values, INTERVAL values) print as Flink's HashMap text
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY VIEW t AS SELECT * FROM (VALUES (
  CAST(NULL AS ROW<nested BIGINT NOT NULL>), CAST(ROW(1) AS ROW<nested BIGINT NOT NULL>), CAST(NULL AS ARRAY<BIGINT NOT NULL>), ARRAY[CAST(1 AS BIGINT)],
  CAST(NULL AS MAP<STRING, BIGINT NOT NULL>), MAP['nested', CAST(1 AS BIGINT)], 1, 2, 3, 4)) AS v(r0, r1, a0, a1, m0, m1, f0, f1, f2, f3);
CREATE TABLE access_sink (r0_dot BIGINT, r1_dot BIGINT, r0_name BIGINT, r1_name BIGINT, r1_position BIGINT, a0_first BIGINT, a1_first BIGINT, m0_value BIGINT, m1_value BIGINT) WITH ('connector' = 'print');
INSERT INTO access_sink SELECT r0.nested, r1.nested, r0['nested'], r1['nested'], r1[1], a0[1], a1[1], m0['nested'], m1['nested'] FROM t;
CREATE TABLE map_sink (a MAP<INT, INT>, c MAP<INT, INT>, d MAP<INT, BIGINT>, g MAP<MAP<INT, INT>, MAP<INT, INT>>, h MAP<DATE, TIME>, i MAP<TIME, TIMESTAMP>, j MAP<STRING, INTERVAL MONTH>, k ARRAY<BOOLEAN>, l ARRAY<ARRAY<INT>>) WITH ('connector' = 'print');
INSERT INTO map_sink SELECT MAP[f0, f1], MAP[f0 + f1, f2 * f2, f2 - f1, f3 - f0], MAP[f0, CAST(f1 AS BIGINT), f2, CAST(f3 AS BIGINT)], MAP[MAP[f0, f1], MAP[f2, f3]],
  MAP[DATE '1985-11-04', TIME '17:18:19', DATE '2018-07-26', TIME '14:15:16'], MAP[TIME '17:18:19', TIMESTAMP '1985-11-04 17:18:19', TIME '14:15:16', TIMESTAMP '2018-07-26 14:15:16'],
  MAP['a', INTERVAL '-123' MONTH, 'b', CAST(NULL AS INTERVAL MONTH)], MAP_KEYS(MAP[CAST(NULL AS BOOLEAN), 'item']), MAP_KEYS(MAP[ARRAY[1, 2], 'value'])
FROM t;
-- expect stdout (unordered):
--| +I[null, 1, null, 1, 1, null, 1, null, 1]
--| +I[{1=2}, {1=3, 3=9}, {1=2, 3=4}, {{1=2}={3=4}}, {2018-07-26=14:15:16, 1985-11-04=17:18:19}, {14:15:16=2018-07-26T14:15:16, 17:18:19=1985-11-04T17:18:19}, {a=P-10Y-3M, b=null}, [null], [[1, 2]]]
