-- scenario: JSON_VALUE, JSON_EXISTS, JSON_QUERY, JSON_OBJECT, JSON_ARRAY, JSON_STRING, JSON_QUOTE and JSON_UNQUOTE on the inputs of Flink's JsonFunctionsITCase give its expected values: a path without lax/strict is strict (a missing value is an error, not empty), a JSON null is empty and does not exist, wildcards read lists, ON ERROR / ON EMPTY in either order, object members sorted by key, timestamps as ISO_LOCAL_DATE_TIME, bytes as Base64, JSON_QUERY text nested as a string, JSON_UNQUOTE as Jackson reads the first value
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TEMPORARY VIEW docs AS SELECT * FROM (VALUES (
  '{"type":"account","age":42,"activated":true,"address":{"city":"Munich"},"roles":["user","viewer"],"balance":13.37,"longBalance":123456789.987654321,"bigCount":9999999999,"nullField":null,"contains blank":"right"}',
  '{"type":"post","author":{"name":"Jon Doe","address":{"country":"Germany","city":"Munich"}},"metadata":{"tags":["flink","streaming","json"],"references":[{"name":"GitHub","url":"https://www.github.com/apache/flink"}]}}',
  '{"n1":1,"s1":"Test","o1":{},"a1":[]}',
  '{ "a": "[1,2]", "b": [1,2]}')) AS t(v, e, q, ab);
CREATE TABLE value_sink (long_balance STRING, balance DOUBLE, age BIGINT, activated BOOLEAN, lax_default INT, strict_default INT, bad_int INT, blank STRING,
  missing STRING, lax_missing STRING, object_value STRING, lax_object_value STRING, null_value STRING, list_value STRING, last_role STRING, either_order STRING) WITH ('connector' = 'print');
INSERT INTO value_sink SELECT
  JSON_VALUE(v, '$.longBalance'),
  JSON_VALUE(v, '$.balance' RETURNING DOUBLE),
  JSON_VALUE(v, '$.age' RETURNING BIGINT),
  JSON_VALUE(v, '$.activated' RETURNING BOOLEAN),
  JSON_VALUE(v, 'lax $.invalid' RETURNING INTEGER DEFAULT 42 ON EMPTY ERROR ON ERROR),
  JSON_VALUE(v, 'strict $.invalid' RETURNING INTEGER NULL ON EMPTY DEFAULT 42 ON ERROR),
  JSON_VALUE(v, '$.type' RETURNING INTEGER DEFAULT 42 ON ERROR),
  JSON_VALUE(v, 'strict $.[''contains blank'']' NULL ON EMPTY DEFAULT 'wrong' ON ERROR),
  JSON_VALUE(v, '$.missing' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR),
  JSON_VALUE(v, 'lax $.missing' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR),
  JSON_VALUE(v, '$.address' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR),
  JSON_VALUE(v, 'lax $.address' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR),
  JSON_VALUE(v, '$.nullField' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR),
  JSON_VALUE(v, '$.roles[*]' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR),
  JSON_VALUE(v, '$.roles[-1]'),
  JSON_VALUE(v, 'lax $.invalid' DEFAULT 'error' ON ERROR DEFAULT 'empty' ON EMPTY)
FROM docs;
CREATE TABLE exists_sink (tag3 BOOLEAN, true_on_error BOOLEAN, unknown_on_error BOOLEAN, items BOOLEAN, tags BOOLEAN, url BOOLEAN, null_member BOOLEAN, empty_wildcard BOOLEAN, strict_default BOOLEAN) WITH ('connector' = 'print');
INSERT INTO exists_sink SELECT
  JSON_EXISTS(e, 'lax $.metadata.tags[3]'),
  JSON_EXISTS(e, 'strict $.invalid' TRUE ON ERROR),
  JSON_EXISTS(e, 'strict $.invalid' UNKNOWN ON ERROR),
  JSON_EXISTS(e, '$.items[*]'),
  JSON_EXISTS(e, '$.metadata.tags[*]'),
  JSON_EXISTS(e, 'lax $.metadata.references[0].url'),
  JSON_EXISTS('{"a":null}', 'lax $.a'),
  JSON_EXISTS('{"a":[]}', 'lax $.a[*]'),
  JSON_EXISTS(e, '$.nope' TRUE ON ERROR)
FROM docs;
CREATE TABLE query_sink (b ARRAY<STRING>, a_wrapped STRING, a_empty_array ARRAY<STRING>, o1 STRING, a1 STRING, err2 STRING, err8 STRING, strict_missing STRING,
  items ARRAY<STRING>, sorted STRING, wildcard STRING, either_order STRING) WITH ('connector' = 'print');
INSERT INTO query_sink SELECT
  JSON_QUERY(ab, '$.b' RETURNING ARRAY<STRING>),
  JSON_QUERY(ab, '$.a' WITH CONDITIONAL WRAPPER),
  JSON_QUERY(ab, '$.a' RETURNING ARRAY<STRING> WITHOUT WRAPPER EMPTY ARRAY ON ERROR),
  JSON_QUERY(q, '$.o1' WITH CONDITIONAL WRAPPER),
  JSON_QUERY(q, '$.a1' WITH UNCONDITIONAL WRAPPER),
  JSON_QUERY(q, 'lax $.err2' EMPTY ARRAY ON EMPTY),
  JSON_QUERY(q, 'strict $.err8' EMPTY OBJECT ON ERROR),
  JSON_QUERY(q, '$.err' EMPTY ARRAY ON EMPTY),
  JSON_QUERY('{"items": [{"itemId":1234, "count":10}, null, {"itemId":4567, "count":11}]}', '$.items' RETURNING ARRAY<STRING>),
  JSON_QUERY('{"z":1,"a":{"y":2,"b":3}}', '$'),
  JSON_QUERY('{"a":[{"b":1},{"c":2}]}', '$.a[*].b'),
  JSON_QUERY(q, 'lax $.err3' NULL ON ERROR EMPTY OBJECT ON EMPTY)
FROM docs;
CREATE TABLE build_sink (nested STRING, query_as_string STRING, arr STRING, ts STRING, ltz STRING, unquoted STRING, not_json STRING, one_quote STRING, quoted STRING) WITH ('connector' = 'print');
INSERT INTO build_sink SELECT
  JSON_OBJECT(KEY 'outerKey' VALUE 'outerValue', KEY 'nestedObject' VALUE JSON_OBJECT(KEY 'innerKey' VALUE 'v')),
  JSON_OBJECT('K' VALUE JSON_QUERY('{"b":1}', '$')),
  JSON_ARRAY('V', TRUE, 1, CAST(1.23 AS DOUBLE), TIMESTAMP '1990-06-02 13:37:42.001', ARRAY['A1', 'A2'], MAP['M2', 'V2', 'M1', 'V1'], X'54657374', JSON_ARRAY('V'), JSON_OBJECT('K' VALUE JSON_ARRAY('V'))),
  JSON_STRING(TIMESTAMP '1990-06-02 13:37:00'),
  JSON_STRING(TO_TIMESTAMP_LTZ(644334100, 3)),
  JSON_UNQUOTE('"["abc"]"'),
  JSON_UNQUOTE('"[1,2,3]'),
  JSON_UNQUOTE('"""'),
  JSON_QUOTE('≠ will be escaped');
-- expect stdout (unordered):
--| +I[123456789.987654321, 13.37, 42, true, 42, 42, 42, right, error, empty, error, empty, empty, error, viewer, empty]
--| +I[false, true, null, false, true, true, false, true, true]
--| +I[[1, 2], ["[1,2]"], [], [{}], [[]], [], {}, null, [{"count":10,"itemId":1234}, null, {"count":11,"itemId":4567}], {"a":{"b":3,"y":2},"z":1}, [1], {}]
--| +I[{"nestedObject":{"innerKey":"v"},"outerKey":"outerValue"}, {"K":"{\"b\":1}"}, ["V",true,1,1.23,"1990-06-02T13:37:42.001",["A1","A2"],{"M1":"V1","M2":"V2"},"VGVzdA==",["V"],{"K":["V"]}], "1990-06-02T13:37:00", "1970-01-08T10:58:54.1Z", ["abc"], "[1,2,3], ", "\u2260 will be escaped"]
