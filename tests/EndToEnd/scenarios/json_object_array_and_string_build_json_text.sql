-- scenario: JSON_OBJECT (members sorted by key as Flink's ORDER_MAP_ENTRIES_BY_KEYS mapper writes them; NULL ON NULL by default, ABSENT ON NULL) and JSON_ARRAY (ABSENT ON NULL by default) build compact JSON text, nesting a JSON constructor as JSON rather than as a string; JSON_STRING serializes values including rows and arrays
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (o STRING, absent STRING, arr STRING, arr_nulls STRING, s STRING, n STRING, r STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT
  JSON_OBJECT(KEY 'id' VALUE 1, KEY 'tags' VALUE JSON_ARRAY('a', 'b'), 'missing' VALUE CAST(NULL AS STRING)),
  JSON_OBJECT('missing' VALUE CAST(NULL AS STRING) ABSENT ON NULL),
  JSON_ARRAY(1, CAST(NULL AS INT), TRUE),
  JSON_ARRAY(1, CAST(NULL AS INT) NULL ON NULL),
  JSON_STRING('say "hi"'),
  JSON_STRING(CAST(NULL AS INT)),
  JSON_STRING(ARRAY[1, 2]);
-- expect stdout (unordered):
--| +I[{"id":1,"missing":null,"tags":["a","b"]}, {}, [1,true], [1,null], "say \"hi\"", null, [1,2]]
