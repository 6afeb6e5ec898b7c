-- scenario: at parallelism 2 a datagen sequence is split between the subtasks, every value still emitted exactly once (same multiset as at parallelism 1)
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '2';
CREATE TABLE gen (id BIGINT) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '6'
);
CREATE TABLE print_sink (id BIGINT, tenfold BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, id * 10 FROM gen;
-- expect stdout (unordered):
--| +I[1, 10]
--| +I[2, 20]
--| +I[3, 30]
--| +I[4, 40]
--| +I[5, 50]
--| +I[6, 60]
