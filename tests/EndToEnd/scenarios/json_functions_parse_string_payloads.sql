-- scenario: JSON_VALUE (RETURNING, DEFAULT ON EMPTY / ON ERROR), JSON_QUERY (wrappers, EMPTY ARRAY ON EMPTY), JSON_EXISTS and IS JSON read STRING payloads of a file with Flink's semantics: a path without lax/strict is strict, so a missing value is an error (its ON ERROR behaviour, NULL by default) and an object for JSON_VALUE too; malformed JSON is an error; JSON_QUERY writes object members sorted by key
-- file: input/events.csv
--| 1|{"user":{"name":"ann","age":31},"tags":["a","b"]}
--| 2|{"user":{"name":"bob"},"tags":[]}
--| 3|not json
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, payload STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.quote-character' = '`');
CREATE TABLE print_sink (id INT, name STRING, age_next INT, age_or STRING, bad STRING, obj STRING, tags STRING, first_tag STRING, wrapped STRING, none STRING, has_age BOOLEAN, is_obj BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id,
  JSON_VALUE(payload, '$.user.name'),
  JSON_VALUE(payload, '$.user.age' RETURNING INT) + 1,
  JSON_VALUE(payload, '$.user.age' DEFAULT 'unknown' ON EMPTY DEFAULT 'broken' ON ERROR),
  JSON_VALUE(payload, '$.user'),
  JSON_QUERY(payload, '$.user'),
  JSON_QUERY(payload, '$.tags'),
  JSON_VALUE(payload, '$.tags[0]'),
  JSON_QUERY(payload, '$.user.name' WITH WRAPPER),
  JSON_QUERY(payload, '$.nothing' EMPTY ARRAY ON EMPTY),
  JSON_EXISTS(payload, '$.user.age'),
  payload IS JSON OBJECT
FROM events;
-- expect stdout (unordered):
--| +I[1, ann, 32, 31, null, {"age":31,"name":"ann"}, ["a","b"], a, ["ann"], null, true, true]
--| +I[2, bob, null, broken, null, {"name":"bob"}, [], null, ["bob"], null, false, true]
--| +I[3, null, null, broken, null, null, null, null, null, null, false, false]
