-- scenario: with 'csv.ignore-parse-errors' a record with more fields than the table has columns is skipped whole, first, middle or last (Flink's EnrichedCsvFilesystemBatchITCase.testParseError and testParseErrorLast: Jackson fails the record before any field is converted)
-- file: input/t/test_file
--| x5,5,2,2,2
--| x5,5,1,1
--| x5,5,3,3,3,3
--| x5,5,1,1
--| x5,5,4,4,4
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE nonPartitionedTable (x STRING, y INT, a INT, b BIGINT) WITH ('connector' = 'filesystem', 'path' = 'file://${SCRATCH}/input/t', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TABLE print_sink (x STRING, y INT, a INT, b BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT * FROM nonPartitionedTable;
-- expect stdout (unordered):
--| +I[x5, 5, 1, 1]
--| +I[x5, 5, 1, 1]
