-- scenario: CONCAT and || give NULL when any argument is NULL, CONCAT_WS skips NULL arguments
-- file: input/parts.json
--| {"id":1,"a":"x","b":"y"}
--| {"id":2,"a":"x","b":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE parts (id INT, a STRING, b STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/parts.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, c STRING, p STRING, ws STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, CONCAT(a, '-', b), a || b, CONCAT_WS('-', a, b, 'z') FROM parts;
-- expect stdout (unordered):
--| +I[1, x-y, xy, x-y-z]
--| +I[2, null, null, x-z]
