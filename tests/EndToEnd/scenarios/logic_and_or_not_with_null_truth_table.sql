-- scenario: AND, OR and NOT follow SQL three-valued logic (FALSE AND NULL is FALSE, TRUE OR NULL is TRUE, NOT NULL is NULL)
-- file: input/flags.json
--| {"a":true,"b":true}
--| {"a":true,"b":false}
--| {"a":true,"b":null}
--| {"a":false,"b":true}
--| {"a":false,"b":false}
--| {"a":false,"b":null}
--| {"a":null,"b":true}
--| {"a":null,"b":false}
--| {"a":null,"b":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE flags (a BOOLEAN, b BOOLEAN) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/flags.json', 'format' = 'json');
CREATE TABLE print_sink (a BOOLEAN, b BOOLEAN, a_and_b BOOLEAN, a_or_b BOOLEAN, not_a BOOLEAN)
  WITH ('connector' = 'print');
INSERT INTO print_sink SELECT a, b, a AND b, a OR b, NOT a FROM flags;
-- expect stdout (unordered):
--| +I[true, true, true, true, false]
--| +I[true, false, false, true, false]
--| +I[true, null, null, true, false]
--| +I[false, true, false, true, true]
--| +I[false, false, false, false, true]
--| +I[false, null, false, null, true]
--| +I[null, true, null, true, null]
--| +I[null, false, false, null, null]
--| +I[null, null, null, null, null]
