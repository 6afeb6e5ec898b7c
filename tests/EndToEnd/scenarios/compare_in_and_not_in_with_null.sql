-- scenario: IN is NULL when no element matches and one of them is NULL; NOT IN is then NULL too, and a NULL operand gives NULL
-- file: input/vals.json
--| {"id":1,"x":1,"y":9}
--| {"id":2,"x":2,"y":9}
--| {"id":3,"x":2,"y":null}
--| {"id":4,"x":null,"y":9}
--| {"id":5,"x":1,"y":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE vals (id INT, x INT, y INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/vals.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, in_literals BOOLEAN, in_with_y BOOLEAN, not_in_with_y BOOLEAN)
  WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, x IN (1, 3), x IN (1, y), x NOT IN (1, y) FROM vals;
-- expect stdout (unordered):
--| +I[1, true, true, false]
--| +I[2, false, false, true]
--| +I[3, false, null, null]
--| +I[4, null, null, null]
--| +I[5, true, true, false]
