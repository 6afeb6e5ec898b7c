-- scenario: ROW(...), ARRAY[...] and MAP[...] values flow into a print sink shown as Flink's Row.toString (nested rows +I[...], arrays [a, b], maps {k=v}); r.f, t.col.f, a[i] (1-based, NULL out of range), m['k'], CARDINALITY and ELEMENT read them
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nested_sink (id INT, r ROW<a INT, b STRING>, tags ARRAY<STRING>, m MAP<STRING, INT>) WITH ('connector' = 'print');
INSERT INTO nested_sink VALUES (1, ROW(1, 'x'), ARRAY['a', 'b'], MAP['k', 7]), (2, CAST(NULL AS ROW<a INT, b STRING>), ARRAY['c'], MAP['j', 8]);
CREATE TABLE flat_sink (id INT, a INT, b STRING, first_tag STRING, third_tag STRING, k INT, tag_count INT, only_tag STRING) WITH ('connector' = 'print');
INSERT INTO flat_sink
SELECT id, t.r.a, r.b, tags[1], tags[3], m['k'], CARDINALITY(tags), ELEMENT(ARRAY[tags[CARDINALITY(tags)]])
FROM (VALUES (1, CAST(ROW(1, 'x') AS ROW<a INT, b STRING>), ARRAY['a', 'b'], MAP['k', 7]), (2, CAST(ROW(5, 'y') AS ROW<a INT, b STRING>), ARRAY['c'], MAP['j', 8])) AS t(id, r, tags, m);
-- expect stdout (unordered):
--| +I[1, +I[1, x], [a, b], {k=7}]
--| +I[2, null, [c], {j=8}]
--| +I[1, 1, x, a, null, 7, 2, b]
--| +I[2, 5, y, c, null, null, 1, c]
