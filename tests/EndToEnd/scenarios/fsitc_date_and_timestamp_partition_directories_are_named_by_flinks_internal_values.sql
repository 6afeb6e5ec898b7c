-- scenario: a DATE partition directory is named by Flink's int of days (dt=18385) and a TIMESTAMP one by LocalDateTime.toString (ts=2020-05-03T10%3A00), as Flink's RowDataPartitionComputer names them; the table reads its directories back as the values written and prunes by the date
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE t (id INT, dt DATE, ts TIMESTAMP(3)) PARTITIONED BY (dt, ts) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/t', 'format' = 'csv');
INSERT INTO t VALUES (1, DATE '2020-05-03', TIMESTAMP '2020-05-03 10:00:00'), (2, DATE '2020-05-04', TIMESTAMP '2020-05-04 10:30:15.250');
CREATE TABLE t_dirs (id INT, dt DATE, ts TIMESTAMP(3), f STRING METADATA FROM 'file.path') PARTITIONED BY (dt, ts) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/t', 'format' = 'csv');
CREATE TABLE print_sink (id INT, dt DATE, ts TIMESTAMP(3), dir STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, dt, ts, REGEXP_EXTRACT(f, '/(dt=[^/]*/ts=[^/]*)/', 1) FROM t_dirs WHERE dt >= DATE '2020-05-03';
-- expect stdout (unordered):
--| +I[1, 2020-05-03, 2020-05-03T10:00, dt=18385/ts=2020-05-03T10%3A00]
--| +I[2, 2020-05-04, 2020-05-04T10:30:15.250, dt=18386/ts=2020-05-04T10%3A30%3A15.250]
