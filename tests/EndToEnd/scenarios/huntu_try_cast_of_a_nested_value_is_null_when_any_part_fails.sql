-- scenario: TRY_CAST of an ARRAY or ROW whose element or field does not convert is NULL as a whole (Flink wraps the whole cast in one try: CastFunctionMiscITCase's TRY_CAST(ROW(1, 'abc') AS ROW(f0 TINYINT, f1 TIME)) is NULL), row by row
-- file: input/texts.csv
--| 1|1;2|5
--| 2|1;x|6
--| 3|7|y
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING, n STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv', 'csv.field-delimiter' = '|');
CREATE TABLE print_sink (id INT, ints ARRAY<INT>, pair ROW<a INT, b ARRAY<INT>>, first_int INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, TRY_CAST(SPLIT(s, ';') AS ARRAY<INT>), TRY_CAST(ROW(n, SPLIT(s, ';')) AS ROW<a INT, b ARRAY<INT>>), TRY_CAST(SPLIT(s, ';') AS ARRAY<INT>)[1] FROM texts;
-- expect stdout (unordered):
--| +I[1, [1, 2], +I[5, [1, 2]], 1]
--| +I[2, null, null, null]
--| +I[3, [7], null, 7]
