-- scenario: a filesystem table without 'path' fails, saying which required option is missing (Flink: "One or more required options are missing")
-- sql:
CREATE TABLE src (id INT) WITH ('connector' = 'filesystem', 'format' = 'csv');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM src;
-- expect error: missing
-- expect error: path
-- expect exit: non-zero
