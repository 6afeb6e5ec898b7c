-- scenario: a misspelt format name fails where the table is written, as Flink's factory discovery does ("Could not find any factory for identifier 'jsn'"), suggesting the closest format, listing the available ones, with the caret under the table in the INSERT
-- sql:
CREATE TABLE out_files (id INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'jsn');
INSERT INTO out_files VALUES (1);
-- expect error: Unable to create a sink for writing table 'default_catalog.default_database.out_files'.
-- expect error: Could not find any factory for identifier 'jsn' of option 'format'; did you mean 'json'?
-- expect error: Available format factory identifiers are: avro, canal-json, csv
-- expect error: job.sql:2:
-- expect caret under: out_files VALUES
-- expect exit: non-zero
