-- scenario: the json format finds a column's field by its exact name, as Flink's converters (ObjectNode.get): a key differing only in case leaves the column NULL
-- file: input/users.json
--| {"userName": "ann", "id": 1}
--| {"USERNAME": "bob", "ID": 2}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE users (id INT, userName STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/users.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, userName STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, userName FROM users;
-- expect stdout (unordered):
--| +I[1, ann]
--| +I[null, null]
