-- scenario: Flink's System (Built-in) Functions page, the JSON examples: IS JSON [SCALAR | ARRAY | OBJECT], JSON_EXISTS lax and strict with TRUE/FALSE ON ERROR, JSON_STRING, JSON_VALUE (RETURNING BOOLEAN/DOUBLE, DEFAULT ON EMPTY/ERROR, bracketed keys with blanks), JSON_QUERY (wrappers, RETURNING ARRAY<STRING>, EMPTY OBJECT/ARRAY), JSON_OBJECT / JSON_ARRAY with NULL/ABSENT ON NULL and nesting, JSON_OBJECTAGG / JSON_ARRAYAGG over the orders of the examples. The page writes JSON_QUERY's answers with blanks ('{ "b": 1 }', '[1, 2]'); Flink serializes them compactly with Jackson ({"b":1}, [1,2]) as its JsonFunctionsITCase expects; the page's JSON_QUERY(1, '$') is written with the text '1' (JSON_QUERY takes a string)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE isjson WITH ('connector' = 'print', 'print-identifier' = 'isjson') AS SELECT
 '1' IS JSON AS j1, '[]' IS JSON AS j2, '{}' IS JSON AS j3, '"abc"' IS JSON AS j4, 'abc' IS JSON AS j5, CAST(NULL AS STRING) IS JSON AS j6,
 '1' IS JSON SCALAR AS j7, '1' IS JSON ARRAY AS j8, '1' IS JSON OBJECT AS j9, '{}' IS JSON SCALAR AS j10, '{}' IS JSON ARRAY AS j11, '{}' IS JSON OBJECT AS j12;
CREATE TABLE jex WITH ('connector' = 'print', 'print-identifier' = 'jex') AS SELECT
 JSON_EXISTS('{"a": true}', '$.a') AS e1, JSON_EXISTS('{"a": true}', '$.b') AS e2, JSON_EXISTS('{"a": [{ "b": 1 }]}', '$.a[0].b') AS e3,
 JSON_EXISTS('{"a": true}', 'strict $.b' TRUE ON ERROR) AS e4, JSON_EXISTS('{"a": true}', 'strict $.b' FALSE ON ERROR) AS e5,
 JSON_STRING(CAST(NULL AS INT)) AS s1, JSON_STRING(1) AS s2, JSON_STRING(TRUE) AS s3, JSON_STRING('Hello, World!') AS s4, JSON_STRING(ARRAY[1, 2]) AS s5;
CREATE TABLE jv WITH ('connector' = 'print', 'print-identifier' = 'jv') AS SELECT
 JSON_VALUE('{"a": true}', '$.a') AS v1, JSON_VALUE('{"a": true}', '$.a' RETURNING BOOLEAN) AS v2,
 JSON_VALUE('{"a": true}', 'lax $.b' DEFAULT FALSE ON EMPTY) AS v3, JSON_VALUE('{"a": true}', 'strict $.b' DEFAULT FALSE ON ERROR) AS v4,
 JSON_VALUE('{"a.b": [0.998,0.996]}','$.["a.b"][0]' RETURNING DOUBLE) AS v5,
 JSON_VALUE('{"contains blank": "right"}', 'strict $.[''contains blank'']' NULL ON EMPTY DEFAULT 'wrong' ON ERROR) AS v6,
 JSON_VALUE('{"a b": "true"}', '$.[''a b'']') AS v7;
CREATE TABLE jq WITH ('connector' = 'print', 'print-identifier' = 'jq') AS SELECT
 JSON_QUERY('{ "a": { "b": 1 } }', '$.a') AS q1, JSON_QUERY('[1, 2]', '$') AS q2, JSON_QUERY(CAST(NULL AS STRING), '$') AS q3,
 JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c') AS q4,
 JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c' RETURNING ARRAY<STRING>) AS q5,
 JSON_QUERY('{}', '$' WITH CONDITIONAL ARRAY WRAPPER) AS q6, JSON_QUERY('[1, 2]', '$' WITH CONDITIONAL ARRAY WRAPPER) AS q7,
 JSON_QUERY('[1, 2]', '$' WITH UNCONDITIONAL ARRAY WRAPPER) AS q8, JSON_QUERY('1', '$') AS q9, JSON_QUERY('1', '$' WITH CONDITIONAL ARRAY WRAPPER) AS q10,
 JSON_QUERY('{}', 'lax $.invalid' EMPTY OBJECT ON EMPTY) AS q11, JSON_QUERY('{}', 'strict $.invalid' EMPTY ARRAY ON ERROR) AS q12;
CREATE TABLE jo WITH ('connector' = 'print', 'print-identifier' = 'jo') AS SELECT
 JSON_OBJECT() AS o1, JSON_OBJECT('K1' VALUE 'V1', 'K2' VALUE 'V2') AS o2,
 JSON_OBJECT(KEY 'K1' VALUE CAST(NULL AS STRING) NULL ON NULL) AS o3, JSON_OBJECT(KEY 'K1' VALUE CAST(NULL AS STRING) ABSENT ON NULL) AS o4,
 JSON_OBJECT(KEY 'K1' VALUE JSON_OBJECT(KEY 'K2' VALUE 'V')) AS o5,
 JSON_ARRAY() AS a1, JSON_ARRAY(1, '2') AS a2, JSON_ARRAY(CAST(NULL AS STRING) NULL ON NULL) AS a3, JSON_ARRAY(CAST(NULL AS STRING) ABSENT ON NULL) AS a4, JSON_ARRAY(JSON_ARRAY(1)) AS a5;
CREATE TABLE agg WITH ('connector' = 'print', 'print-identifier' = 'agg') AS SELECT
 JSON_OBJECTAGG(KEY product VALUE cnt) AS oa, JSON_ARRAYAGG(product) AS aa
 FROM (VALUES ('Apple', 2), ('Banana', 17), ('Orange', 0)) AS orders(product, cnt);
-- expect stdout (unordered):
--| isjson> +I[true, true, true, true, false, false, true, false, false, false, false, true]
--| jex> +I[true, false, true, true, false, null, 1, true, "Hello, World!", [1,2]]
--| jv> +I[true, true, false, false, 0.998, right, true]
--| jq> +I[{"b":1}, [1,2], null, ["c1","c2"], [c1, c2], [{}], [1,2], [[1,2]], null, [1], {}, []]
--| jo> +I[{}, {"K1":"V1","K2":"V2"}, {"K1":null}, {}, {"K1":{"K2":"V"}}, [], [1,"2"], [null], [], [[1]]]
--| agg> +I[{"Apple":2,"Banana":17,"Orange":0}, ["Apple","Banana","Orange"]]
