-- scenario: TRIM removes spaces (or the given character) from both ends, LEADING/LTRIM from the start, TRAILING/RTRIM from the end
-- file: input/texts.json
--| {"id":1,"s":"  pad  ","t":"xxhixx"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING, t STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, both_ends STRING, l STRING, r STRING, x_both STRING, x_leading STRING, x_trailing STRING)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, CONCAT('<', TRIM(s), '>'), CONCAT('<', LTRIM(s), '>'), CONCAT('<', RTRIM(s), '>'),
       TRIM(BOTH 'x' FROM t), TRIM(LEADING 'x' FROM t), TRIM(TRAILING 'x' FROM t)
FROM texts;
-- expect stdout (unordered):
--| +I[1, <pad>, <pad  >, <  pad>, hi, hixx, xxhi]
