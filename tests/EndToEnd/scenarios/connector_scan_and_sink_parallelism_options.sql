-- scenario: 'scan.parallelism' and 'sink.parallelism' set the parallelism of a table's source and sink; the sequence is split across three source subtasks without loss or overlap
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE gen (id INT) WITH (
  'connector' = 'datagen',
  'scan.parallelism' = '3',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '7'
);
CREATE TABLE print_sink (id INT, doubled INT) WITH ('connector' = 'print', 'sink.parallelism' = '1');
INSERT INTO print_sink SELECT id, id * 2 FROM gen;
-- expect stdout (unordered):
--| +I[1, 2]
--| +I[2, 4]
--| +I[3, 6]
--| +I[4, 8]
--| +I[5, 10]
--| +I[6, 12]
--| +I[7, 14]
