-- scenario: IS [NOT] TRUE, IS [NOT] FALSE and IS UNKNOWN turn a nullable BOOLEAN into a definite TRUE or FALSE
-- file: input/flags.json
--| {"id":1,"b":true}
--| {"id":2,"b":false}
--| {"id":3,"b":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE flags (id INT, b BOOLEAN) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/flags.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, is_true BOOLEAN, is_not_true BOOLEAN, is_false BOOLEAN, is_not_false BOOLEAN,
  is_unknown BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, b IS TRUE, b IS NOT TRUE, b IS FALSE, b IS NOT FALSE, b IS UNKNOWN FROM flags;
-- expect stdout (unordered):
--| +I[1, true, false, false, true, false]
--| +I[2, false, true, true, false, false]
--| +I[3, false, true, false, true, true]
