-- scenario: a filesystem source reads Flink's metadata columns file.path (without scheme), file.name, file.size (bytes) and file.modification-time (TIMESTAMP_LTZ(3)) of the file each row comes from, also next to partition columns and with only metadata selected
-- file: input/a.csv
--| 1,x
--| 2,y
-- file: input/dt=2026-12-01/b.csv
--| 3,zzz
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE src (
  id INT, v STRING, dt STRING,
  `file.path` STRING NOT NULL METADATA,
  fname STRING METADATA FROM 'file.name' VIRTUAL,
  fsize BIGINT METADATA FROM 'file.size' VIRTUAL,
  mtime TIMESTAMP_LTZ(3) METADATA FROM 'file.modification-time' VIRTUAL
) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = 'file://${SCRATCH}/input', 'format' = 'csv');
CREATE TABLE print_sink (id INT, v STRING, dt STRING, p STRING, fname STRING, fsize BIGINT, recent BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, v, dt, `file.path`, fname, fsize, mtime > TO_TIMESTAMP_LTZ(946684800000, 3) FROM src;
CREATE TABLE per_file (fname STRING, n BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'files');
INSERT INTO per_file SELECT fname, COUNT(*) FROM src GROUP BY fname;
-- expect stdout (unordered):
--| +I[1, x, null, ${SCRATCH}/input/a.csv, a.csv, 8, true]
--| +I[2, y, null, ${SCRATCH}/input/a.csv, a.csv, 8, true]
--| +I[3, zzz, 2026-12-01, ${SCRATCH}/input/dt=2026-12-01/b.csv, b.csv, 6, true]
--| files> +I[a.csv, 1]
--| files> -U[a.csv, 1]
--| files> +U[a.csv, 2]
--| files> +I[b.csv, 1]
