-- scenario: JSON_QUERY ... RETURNING ARRAY<STRING> (Flink 2.x) gives the found array's elements: a string's value, a number's or boolean's text, an object or array as compact JSON, a JSON null as NULL; a wildcard path gives what it found, WITH WRAPPER wraps a scalar; an object found is an error (NULL) and so is a missing value on a path without lax/strict (strict: EMPTY ARRAY ON EMPTY does not apply)
-- file: input/events.csv
--| 1|{"a":["x",1,1.50,true,null,{"k":"v"},[1]],"o":{"k":1},"s":"str"}
--| 2|{"a":[{"k":"p"},{"k":"q"}]}
--| 3|not json
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, payload STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.quote-character' = '`');
CREATE TABLE print_sink (id INT, a ARRAY<STRING>, o ARRAY<STRING>, e ARRAY<STRING>, w ARRAY<STRING>, s ARRAY<STRING>, n INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id,
  JSON_QUERY(payload, '$.a' RETURNING ARRAY<STRING>),
  JSON_QUERY(payload, '$.o' RETURNING ARRAY<STRING>),
  JSON_QUERY(payload, '$.none' RETURNING ARRAY<STRING> EMPTY ARRAY ON EMPTY),
  JSON_QUERY(payload, '$.a[*].k' RETURNING ARRAY<STRING>),
  JSON_QUERY(payload, '$.s' RETURNING ARRAY<STRING> WITH WRAPPER),
  CARDINALITY(JSON_QUERY(payload, '$.a' RETURNING ARRAY<STRING>))
FROM events;
-- expect stdout (unordered):
--| +I[1, [x, 1, 1.50, true, null, {"k":"v"}, [1]], null, null, [v], [str], 7]
--| +I[2, [{"k":"p"}, {"k":"q"}], null, null, [p, q], null, 2]
--| +I[3, null, null, null, null, null, null]
