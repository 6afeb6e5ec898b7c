-- scenario: IS [NOT] NULL and IS [NOT] DISTINCT FROM never return NULL, unlike = on a NULL operand
-- file: input/pairs.json
--| {"id":1,"x":1,"y":1}
--| {"id":2,"x":1,"y":2}
--| {"id":3,"x":1,"y":null}
--| {"id":4,"x":null,"y":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE pairs (id INT, x INT, y INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/pairs.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, x_null BOOLEAN, y_not_null BOOLEAN, distinct_xy BOOLEAN,
  not_distinct_xy BOOLEAN, eq BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, x IS NULL, y IS NOT NULL, x IS DISTINCT FROM y, x IS NOT DISTINCT FROM y, x = y FROM pairs;
-- expect stdout (unordered):
--| +I[1, false, true, false, true, true]
--| +I[2, false, true, true, false, false]
--| +I[3, false, false, true, false, null]
--| +I[4, true, false, false, true, null]
