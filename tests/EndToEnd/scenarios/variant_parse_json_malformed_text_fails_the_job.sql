-- scenario: PARSE_JSON fails the job on text that is not JSON, naming the text as Flink does ("Failed to parse json string: ...")
-- file: input/lines.txt
--| {"ok":true}
--| {"broken":
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE lines (line STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/lines.txt', 'format' = 'raw');
CREATE TABLE print_sink (v VARIANT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT PARSE_JSON(line) FROM lines;
-- expect error: Failed to parse json string: {"broken":
