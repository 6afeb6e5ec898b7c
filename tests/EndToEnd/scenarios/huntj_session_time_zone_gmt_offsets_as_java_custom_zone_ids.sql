-- scenario: table.local-time-zone takes a fixed offset as Java's custom zone ids write it ('GMT+8', 'GMT+08:00', 'GMT-0330'), as Flink's TableConfig accepts them
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (zone STRING, shown STRING) WITH ('connector' = 'print');
SET 'table.local-time-zone' = 'GMT+8';
INSERT INTO print_sink VALUES ('GMT+8', CAST(TO_TIMESTAMP_LTZ(4001, 3) AS STRING));
SET 'table.local-time-zone' = 'GMT+08:00';
INSERT INTO print_sink VALUES ('GMT+08:00', CAST(TO_TIMESTAMP_LTZ(4001, 3) AS STRING));
SET 'table.local-time-zone' = 'GMT-0330';
INSERT INTO print_sink VALUES ('GMT-0330', CAST(TO_TIMESTAMP_LTZ(4001, 3) AS STRING));
-- expect stdout (ordered):
--| +I[GMT+8, 1970-01-01 08:00:04.001]
--| +I[GMT+08:00, 1970-01-01 08:00:04.001]
--| +I[GMT-0330, 1969-12-31 20:30:04.001]
