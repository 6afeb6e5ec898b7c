-- scenario: an escape character before a line end keeps the line end in the field, so the record goes on on the next line (Flink's EnrichedCsvFilesystemBatchITCase.testEscapeChar with 'csv.escape-character' a tab; the INT field "<newline>5" is trimmed to 5)
-- file: input/t/test_file
--| x5,	
--| 5,1,1
--| x5,	5,2,2
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nonPartitionedTable (x STRING, y INT, a INT, b BIGINT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/t', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true', 'csv.escape-character' = '	');
CREATE TABLE print_sink (x STRING, y INT, a INT, b BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT * FROM nonPartitionedTable;
-- expect stdout (unordered):
--| +I[x5, 5, 1, 1]
--| +I[x5, 5, 2, 2]
