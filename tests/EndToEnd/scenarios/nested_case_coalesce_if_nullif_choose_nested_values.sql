-- scenario: CASE, IF, COALESCE and NULLIF whose result is a MAP, an ARRAY or a ROW pick each row's value from the branch it takes (a branch may be a column or a constructor); = and <> compare nested values element by element, NULL when either side is
-- file: input/events.json
--| {"id":1,"user":{"uid":7,"name":"ann"},"tags":["a","b","c"]}
--| {"id":2,"user":{"uid":8,"name":"bob"},"tags":[]}
--| {"id":3,"user":null,"tags":null}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, `user` ROW<uid INT, name STRING>, tags ARRAY<STRING>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, m MAP<STRING, INT>, a ARRAY<STRING>, r ROW<uid INT, name STRING>, n ARRAY<STRING>, eq BOOLEAN, ne BOOLEAN)
  WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id,
  CASE WHEN id = 1 THEN MAP['one', 1] WHEN id = 2 THEN MAP['two', 2] ELSE MAP['other', id] END,
  COALESCE(tags, ARRAY['none']),
  IF(id = 2, ROW(0, 'hidden'), `user`),
  NULLIF(tags, ARRAY['a', 'b', 'c']),
  tags = ARRAY['a', 'b', 'c'],
  `user` <> ROW(7, 'ann')
FROM events;
-- expect stdout (unordered):
--| +I[1, {one=1}, [a, b, c], +I[7, ann], null, true, false]
--| +I[2, {two=2}, [], +I[0, hidden], [], false, true]
--| +I[3, {other=3}, [none], null, null, null, null]
