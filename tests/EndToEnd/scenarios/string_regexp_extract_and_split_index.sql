-- scenario: REGEXP_EXTRACT returns the given group of the first match (0 = whole match) or NULL, SPLIT_INDEX is 0-based and NULL past the last part
-- file: input/texts.json
--| {"id":1,"s":"foo123bar","l":"a,b,c"}
--| {"id":2,"s":"nodigits","l":"single"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING, l STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, group2 STRING, whole STRING, part0 STRING, part1 STRING) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, REGEXP_EXTRACT(s, '([a-z]+)([0-9]+)', 2), REGEXP_EXTRACT(s, '[0-9]+', 0),
       SPLIT_INDEX(l, ',', 0), SPLIT_INDEX(l, ',', 1)
FROM texts;
-- expect stdout (unordered):
--| +I[1, 123, 123, a, b]
--| +I[2, null, null, single, null]
