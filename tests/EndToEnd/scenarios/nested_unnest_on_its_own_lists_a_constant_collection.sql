-- scenario: FROM UNNEST(collection) on its own (no table: Flink's Values then Correlate) gives one row per element: an ARRAY's elements (WITH ORDINALITY numbered from 1), a MAP's entries, an ARRAY of ROWs' fields; it can be filtered and aggregated
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE elements (x INT, n INT) WITH ('connector' = 'print', 'print-identifier' = 'array');
INSERT INTO elements SELECT x, n FROM UNNEST(ARRAY[10, 20, 30]) WITH ORDINALITY AS t(x, n) WHERE x > 10;
CREATE TABLE entries (k STRING, v INT) WITH ('connector' = 'print', 'print-identifier' = 'map');
INSERT INTO entries SELECT * FROM UNNEST(MAP['a', 1]) AS m(k, v);
CREATE TABLE fields (i INT, s STRING) WITH ('connector' = 'print', 'print-identifier' = 'rows');
INSERT INTO fields SELECT i, s FROM UNNEST(ARRAY[ROW(1, 'x'), ROW(2, 'y')]) AS r(i, s);
-- expect stdout (ordered):
--| array> +I[20, 2]
--| array> +I[30, 3]
--| map> +I[a, 1]
--| rows> +I[1, x]
--| rows> +I[2, y]
