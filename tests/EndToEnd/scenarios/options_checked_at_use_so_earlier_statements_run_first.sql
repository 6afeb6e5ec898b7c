-- scenario: a table whose options its connector refuses (a kafka table without 'properties.bootstrap.servers') is created, described and shown, and the statements before its first use run and print their rows; only the INSERT that reads it fails, with Flink's "Unable to create a source for reading table" naming the table, its options and the missing one, with the caret under the table in that INSERT
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE clicks (id INT, url STRING) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'format' = 'json');
CREATE TABLE nums (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');
CREATE TABLE out_print (id INT) WITH ('connector' = 'print');
DESCRIBE clicks;
SHOW CREATE TABLE clicks;
INSERT INTO out_print SELECT id * 10 FROM nums;
INSERT INTO out_print
SELECT id FROM clicks;
INSERT INTO out_print SELECT id FROM nums;
-- expect stdout (all, ordered, contains):
--| 2 rows in set
--| CREATE TABLE `default_catalog`.`default_database`.`clicks` (
--| 'connector' = 'kafka',
--| 'topic' = 'clicks',
--| 'format' = 'json'
--| +I[10]
--| +I[20]
--| +I[30]
-- expect error: Error at job.sql:9:16: Unable to create a source for reading table 'default_catalog.default_database.clicks'.
-- expect error: Table options are:
-- expect error: 'connector'='kafka'
-- expect error: 'format'='json'
-- expect error: 'topic'='clicks'
-- expect error: Caused by: One or more required options are missing.
-- expect error: Missing required options are:
-- expect error: properties.bootstrap.servers
-- expect caret under: clicks;
-- expect exit: non-zero
