-- scenario: the print sink writes TIMESTAMP as LocalDateTime.toString (seconds and millis only when non-zero), DATE as yyyy-MM-dd, TIME as LocalTime.toString, TIMESTAMP_LTZ as an Instant with Z
-- file: input/moments.csv
--| 1,2024-01-15 10:30:00,2024-01-15,10:30:00,1705314600000
--| 2,2024-01-15 10:30:05.120,2024-02-29,23:59:59,1705314605120
--| 3,2024-01-15 00:00:00,1999-12-31,00:00:00,0
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE moments (id INT, ts TIMESTAMP(3), d DATE, t TIME(0), ms BIGINT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/moments.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, ts TIMESTAMP(3), d DATE, t TIME(0), ltz TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, ts, d, t, TO_TIMESTAMP_LTZ(ms, 3) FROM moments;
-- expect stdout (unordered):
--| +I[1, 2024-01-15T10:30, 2024-01-15, 10:30, 2024-01-15T10:30:00Z]
--| +I[2, 2024-01-15T10:30:05.120, 2024-02-29, 23:59:59, 2024-01-15T10:30:05.120Z]
--| +I[3, 2024-01-15T00:00, 1999-12-31, 00:00, 1970-01-01T00:00:00Z]
