-- scenario: PARSE_JSON/TRY_PARSE_JSON make VARIANTs that print as compact JSON with sorted keys; v['key'] and v[i] (1-based) read into them, a missing key or position is NULL; CAST to STRING renders a stored string unquoted and a number as written
-- file: input/events.txt
--| {"user": "alice", "amount": 100.50, "tags": ["a", "b"]}
--| {"user":"bob","amount":7,"tags":[]}
--| {"vip":true,"user":"carol","amount":1e3,"tags":["x\ty"],"big":123456789012345678901234567890}
--| not json
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (line STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.txt', 'format' = 'raw');
CREATE TABLE print_sink (v VARIANT, u VARIANT, name STRING, amount STRING, first_tag VARIANT, vip VARIANT, big VARIANT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT v, v['user'], CAST(v['user'] AS STRING), CAST(v['amount'] AS STRING), v['tags'][1], v['vip'], v['big']
FROM (SELECT TRY_PARSE_JSON(line) AS v FROM events);
-- expect stdout (unordered):
--| +I[{"amount":100.50,"tags":["a","b"],"user":"alice"}, "alice", alice, 100.50, "a", null, null]
--| +I[{"amount":7,"tags":[],"user":"bob"}, "bob", bob, 7, null, null, null]
--| +I[{"amount":1000.0,"big":123456789012345678901234567890,"tags":["x\ty"],"user":"carol","vip":true}, "carol", carol, 1000.0, "x\ty", true, 123456789012345678901234567890]
--| +I[null, null, null, null, null, null, null]
