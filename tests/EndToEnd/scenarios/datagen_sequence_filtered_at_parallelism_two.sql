-- scenario: a filter over a datagen sequence at parallelism 2 keeps exactly the matching values, each once
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '2';
CREATE TABLE gen (id INT) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '20'
);
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM gen WHERE MOD(id, 5) = 0 OR id = 7;
-- expect stdout (unordered):
--| +I[5]
--| +I[7]
--| +I[10]
--| +I[15]
--| +I[20]
