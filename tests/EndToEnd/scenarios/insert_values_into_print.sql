-- scenario: INSERT ... VALUES and SELECT from an aliased VALUES list are bounded sources of literal rows
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (id INT, s STRING) WITH ('connector' = 'print');
INSERT INTO print_sink VALUES (1, 'abc'), (2, 'xyz');
INSERT INTO print_sink SELECT id, s FROM (VALUES (3, 'def')) AS t(id, s);
INSERT INTO print_sink VALUES (4, CAST(NULL AS STRING));
-- expect stdout (unordered):
--| +I[1, abc]
--| +I[2, xyz]
--| +I[3, def]
--| +I[4, null]
