-- scenario: 'format' = 'raw' on the filesystem connector reads each line (without its line end, an empty line as an empty value) as the one column, next to partition columns, and writes each value followed by a line end (Flink's Deserialization/SerializationSchemaAdapter)
-- file: input/dt=2026-12-01/app.log
--| GET /index.html 200
--|
--| POST /login, "ok" 302
-- file: input/dt=2026-12-02/app.log
--| GET /about 404
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE logs (line STRING, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input', 'format' = 'raw');
CREATE TABLE print_sink (dt STRING, line STRING, n INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT dt, line, CHAR_LENGTH(line) FROM logs;
CREATE TABLE out_raw (line STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'raw');
INSERT INTO out_raw SELECT CONCAT(dt, ' ', line) FROM logs WHERE line <> '';
-- expect stdout (unordered):
--| +I[2026-12-01, GET /index.html 200, 19]
--| +I[2026-12-01, , 0]
--| +I[2026-12-01, POST /login, "ok" 302, 21]
--| +I[2026-12-02, GET /about 404, 14]
-- expect files ${SCRATCH}/out (unordered):
--| 2026-12-01 GET /index.html 200
--| 2026-12-01 POST /login, "ok" 302
--| 2026-12-02 GET /about 404
