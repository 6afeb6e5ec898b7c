-- scenario: arithmetic with a NULL operand gives NULL, also unary minus
-- file: input/vals.json
--| {"id":1,"a":5,"b":null}
--| {"id":2,"a":null,"b":null}
--| {"id":3,"a":4,"b":2}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE vals (id INT, a INT, b INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/vals.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, s INT, twice INT, neg INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, a + b, a * 2, -a FROM vals;
-- expect stdout (unordered):
--| +I[1, null, 10, -5]
--| +I[2, null, null, null]
--| +I[3, 6, 8, -4]
