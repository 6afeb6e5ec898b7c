-- scenario: BIGINT arithmetic on a datagen sequence: * and + stay BIGINT, / truncates, MOD cycles
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE gen (id BIGINT) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '6'
);
CREATE TABLE print_sink (id BIGINT, sq BIGINT, half BIGINT, m3 BIGINT, shifted BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, id * id, id / 2, MOD(id, 3), id + 100 FROM gen;
-- expect stdout (unordered):
--| +I[1, 1, 0, 1, 101]
--| +I[2, 4, 1, 2, 102]
--| +I[3, 9, 1, 0, 103]
--| +I[4, 16, 2, 1, 104]
--| +I[5, 25, 2, 2, 105]
--| +I[6, 36, 3, 0, 106]
