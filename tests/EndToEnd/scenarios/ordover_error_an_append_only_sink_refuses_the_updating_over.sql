-- scenario: an OVER ordered by a non-time column emits updates (Flink's changelog inference gives it INSERT, UPDATE and DELETE), so an append-only filesystem sink refuses it with Flink's message naming the OverAggregate node
-- file: input/items.csv
--| a,30,5
-- sql:
CREATE TABLE items (k STRING, ord INT, v INT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/items.csv', 'format' = 'csv');
CREATE TABLE out_csv (ord INT, total INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO out_csv SELECT ord, SUM(v) OVER (PARTITION BY k ORDER BY ord) FROM items;
-- expect error: Table sink 'default_catalog.default_database.out_csv' doesn't support consuming update and delete changes which is produced by node OverAggregate(partitionBy=[k], orderBy=[ord ASC]
