-- scenario: FROM_UNIXTIME and UNIX_TIMESTAMP work in table.local-time-zone, here Asia/Shanghai (UTC+8, no daylight saving)
-- file: input/events.csv
--| 1,0,1970-01-01 08:00:00
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE events (id INT, secs BIGINT, txt STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, as_text STRING, parsed BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, FROM_UNIXTIME(secs), UNIX_TIMESTAMP(txt) FROM events;
-- expect stdout (unordered):
--| +I[1, 1970-01-01 08:00:00, 0]
