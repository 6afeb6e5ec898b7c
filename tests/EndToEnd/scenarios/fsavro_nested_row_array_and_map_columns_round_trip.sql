-- scenario: ROW, ARRAY and MAP columns written as avro (a nested record, an array, a map) are read back whole: their fields, elements and entries come out as written, NULL elements and a NULL row included
-- file: input/people.csv
--| 1,alice,3
--| 2,bob,
--| 3,carol,7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE people (id INT, name STRING, n INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/people.csv', 'format' = 'csv');
CREATE TABLE nested (id INT, person ROW<name STRING, n INT>, tags ARRAY<INT>, attrs MAP<STRING, STRING>)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/nested', 'format' = 'avro');
INSERT INTO nested SELECT id, CASE WHEN id = 3 THEN CAST(NULL AS ROW<name STRING, n INT>) ELSE ROW(name, n) END, ARRAY[id, n, id * 10], MAP['name', name, 'id', CAST(id AS STRING)] FROM people;
CREATE TABLE print_sink (id INT, name STRING, n INT, first_tag INT, second_tag INT, tag_count INT, attr_name STRING, attr_id STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, person.name, person.n, tags[1], tags[2], CARDINALITY(tags), attrs['name'], attrs['id'] FROM nested;
-- expect stdout (unordered):
--| +I[1, alice, 3, 1, 3, 3, alice, 1]
--| +I[2, bob, null, 2, null, 3, bob, 2]
--| +I[3, null, null, 3, 7, 3, carol, 3]
