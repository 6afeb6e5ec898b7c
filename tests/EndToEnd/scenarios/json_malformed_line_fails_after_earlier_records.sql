-- scenario: a line that is not valid JSON fails the job naming the file and line, after the records before it reached the sink
-- file: input/events.json
--| {"id": 1, "name": "a"}
--| {"id": 2, "name":
--| {"id": 3, "name": "c"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.json', 'format' = 'json');
CREATE TABLE print_sink (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, name FROM events;
-- expect stdout (ordered):
--| +I[1, a]
-- expect error: events.json:2
-- expect exit: non-zero
