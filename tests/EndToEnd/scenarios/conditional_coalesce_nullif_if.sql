-- scenario: COALESCE returns the first non-NULL argument, NULLIF(a, b) is NULL when a = b, IF with a NULL condition takes the false branch
-- file: input/vals.json
--| {"id":1,"a":null,"b":5}
--| {"id":2,"a":3,"b":null}
--| {"id":3,"a":null,"b":null}
--| {"id":4,"a":0,"b":1}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE vals (id INT, a INT, b INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/vals.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, first_set INT, a_unless_zero INT, magnitude STRING) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, COALESCE(a, b, -1), NULLIF(a, 0), IF(a > 1, 'big', 'sml') FROM vals;
-- expect stdout (unordered):
--| +I[1, 5, null, sml]
--| +I[2, 3, 3, big]
--| +I[3, -1, null, sml]
--| +I[4, 0, null, sml]
