-- scenario: SPLIT, STR_TO_MAP, the ARRAY_*/MAP_* functions, REGEXP_EXTRACT_ALL, PRINTF and CAST(number AS TIMESTAMP_LTZ) run in a job and print as Flink's print sink does
-- file: input/rows.json
--| {"id":1,"s":"k1=v1,k2=v2","l":"c,a,b,a"}
--| {"id":2,"s":"","l":""}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE rows_in (id INT, s STRING, l STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rows.json', 'format' = 'json');
CREATE TABLE print_sink (
  id INT, parts ARRAY<STRING>, distinct_parts ARRAY<STRING>, sorted ARRAY<STRING>, joined STRING, tail ARRAY<STRING>,
  pos INT, v2 STRING, keys ARRAY<STRING>, digits ARRAY<STRING>, line STRING, at_time TIMESTAMP_LTZ(3)
) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, SPLIT(l, ','), ARRAY_DISTINCT(SPLIT(l, ',')), ARRAY_SORT(SPLIT(l, ',')),
       ARRAY_JOIN(ARRAY_REVERSE(SPLIT(l, ',')), '-'), ARRAY_SLICE(SPLIT(l, ','), -2),
       ARRAY_POSITION(SPLIT(l, ','), 'b'), STR_TO_MAP(s)['k2'], MAP_KEYS(STR_TO_MAP('a=1,b=2')),
       REGEXP_EXTRACT_ALL(s, 'k([0-9])=', 1), PRINTF('%s has %d parts', l, CARDINALITY(SPLIT(l, ','))),
       CAST(1700000000 AS TIMESTAMP_LTZ(3))
FROM rows_in;
-- expect stdout (unordered):
--| +I[1, [c, a, b, a], [c, a, b], [a, a, b, c], a-b-a-c, [b, a], 3, v2, [a, b], [1, 2], c,a,b,a has 4 parts, 2023-11-14T22:13:20Z]
--| +I[2, [], [], [], , [], 0, null, [a, b], [],  has 0 parts, 2023-11-14T22:13:20Z]
