-- scenario: filesystem json with 'json.ignore-parse-errors': a line that is not JSON is skipped, a field whose value does not convert (text in an INT or DECIMAL column, a bad array element) is NULL and the rest of the row is kept, as Flink's JsonParserToRowDataConverters (nullable wrapper) do
-- file: input/e.json
--| {"id":1,"user":{"name":"ann","tags":["a","b"]},"amt":"12.345","ts":"2024-03-01 10:00:00.123"}
--| not json
--| {"id":"x","user":{"name":"bo","tags":[]},"amt":"abc","ts":"2024-03-02 00:00:00","extra":1}
--| {"id":3,"user":{"name":"cy","tags":["c"]},"amt":2,"ts":"yesterday"}
--| {"id":4,"user":null,"amt":1.5,"scores":[1,"two",3]}
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE e (id INT, `user` ROW<name STRING, tags ARRAY<STRING>>, amt DECIMAL(10, 2), ts TIMESTAMP(3), scores ARRAY<INT>) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/e.json', 'format' = 'json', 'json.ignore-parse-errors' = 'true');
CREATE TABLE o (id INT, name STRING, ntags INT, amt DECIMAL(10, 2), ts TIMESTAMP(3), scores ARRAY<INT>) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'json');
INSERT INTO o SELECT id, `user`.name, CARDINALITY(`user`.tags), amt, ts, scores FROM e;
-- expect files ${SCRATCH}/out (unordered):
--| {"id":1,"name":"ann","ntags":2,"amt":12.35,"ts":"2024-03-01 10:00:00.123","scores":null}
--| {"id":null,"name":"bo","ntags":0,"amt":null,"ts":"2024-03-02 00:00:00","scores":null}
--| {"id":3,"name":"cy","ntags":1,"amt":2.00,"ts":null,"scores":null}
--| {"id":4,"name":null,"ntags":null,"amt":1.50,"ts":null,"scores":[1,null,3]}
