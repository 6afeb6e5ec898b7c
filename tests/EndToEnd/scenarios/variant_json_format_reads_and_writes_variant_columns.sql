-- scenario: a json-format column declared VARIANT holds the field's JSON value (a JSON null or a missing field is NULL) and a json sink writes the variant back as JSON
-- file: input/docs.json
--| {"id": 1, "payload": {"b": [1, 2.50, null], "a": "x"}}
--| {"id": 2, "payload": "just text"}
--| {"id": 3, "payload": null}
--| {"id": 4}
--| {"id": 5, "payload": -0.0}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE docs (id INT, payload VARIANT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/docs.json', 'format' = 'json');
CREATE TABLE out (id INT, payload VARIANT, b2 VARIANT, missing BOOLEAN) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'json');
INSERT INTO out SELECT id, payload, CASE WHEN id = 1 THEN payload['b'][2] END, payload IS NULL FROM docs;
-- expect files ${SCRATCH}/out (unordered):
--| {"id":1,"payload":{"a":"x","b":[1,2.50,null]},"b2":2.50,"missing":false}
--| {"id":2,"payload":"just text","b2":null,"missing":false}
--| {"id":3,"payload":null,"b2":null,"missing":true}
--| {"id":4,"payload":null,"b2":null,"missing":true}
--| {"id":5,"payload":0.0,"b2":null,"missing":false}
