-- scenario: 'raw.charset' encodes a raw STRING column's text in that charset (ISO-8859-1: one byte per character), read back byte for byte by a raw BYTES column and as text in the same charset
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE latin (word STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/latin', 'format' = 'raw', 'raw.charset' = 'ISO-8859-1');
INSERT INTO latin VALUES ('café');
CREATE TABLE latin_bytes (data BYTES) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/latin', 'format' = 'raw');
CREATE TABLE print_sink (data BYTES, word STRING, n INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT b.data, l.word, CHAR_LENGTH(l.word) FROM latin_bytes b, latin l;
-- expect stdout (unordered):
--| +I[[99, 97, 102, -23], café, 4]
