-- scenario: a misspelt format name fails as Flink's factory discovery does ("Could not find any factory for identifier 'jsn'"), suggesting the closest format, listing the available ones, with the caret under the option
-- sql:
CREATE TABLE out_files (id INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'jsn');
-- expect error: Could not find any factory for identifier 'jsn' of option 'format'; did you mean 'json'?
-- expect error: Available format factory identifiers are: avro, canal-json, csv
-- expect error: job.sql:1:
-- expect caret under: 'format'
-- expect exit: non-zero
