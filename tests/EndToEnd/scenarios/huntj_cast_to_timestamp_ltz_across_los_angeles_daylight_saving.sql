-- scenario: CAST of a TIMESTAMP, a string or a DATE to TIMESTAMP_LTZ reads the wall time in table.local-time-zone as Java's LocalDateTime.atZone (Flink's DateTimeUtils): 01:30 on 2021-11-07 in America/Los_Angeles, which happens twice, is the earlier instant (PDT, 08:30 UTC), 02:30 on 2021-03-14, which never happens, moves an hour later (10:30 UTC); UNIX_TIMESTAMP parses with SimpleDateFormat and takes the later one (PST)
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'America/Los_Angeles';
CREATE TABLE print_sink (from_timestamp TIMESTAMP_LTZ(3), from_string TIMESTAMP_LTZ(3), in_gap TIMESTAMP_LTZ(3), shown STRING, unix_seconds BIGINT)
  WITH ('connector' = 'print');
INSERT INTO print_sink VALUES (
  CAST(TIMESTAMP '2021-11-07 01:30:00' AS TIMESTAMP_LTZ(3)),
  CAST('2021-11-07 01:30:00' AS TIMESTAMP_LTZ(3)),
  CAST(TIMESTAMP '2021-03-14 02:30:00' AS TIMESTAMP_LTZ(3)),
  CAST(CAST(TIMESTAMP '2021-11-07 01:30:00' AS TIMESTAMP_LTZ(3)) AS STRING),
  UNIX_TIMESTAMP('2021-11-07 01:30:00'));
-- expect stdout (unordered):
--| +I[2021-11-07T08:30:00Z, 2021-11-07T08:30:00Z, 2021-03-14T10:30:00Z, 2021-11-07 01:30:00.000, 1636277400]
