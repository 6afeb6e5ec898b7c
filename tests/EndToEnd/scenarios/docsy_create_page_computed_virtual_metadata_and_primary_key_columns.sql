-- scenario: Flink's CREATE Statements page: a computed column (cost AS price * quantity; the page's quanitity typo and trailing comma left out) is in the source-to-query schema (SELECT * gives it) but not in the query-to-sink one (INSERT INTO MyTable VALUES of the three physical columns); a METADATA ... VIRTUAL column is read only, so INSERT takes the other columns; a PRIMARY KEY makes its column NOT NULL (DESCRIBE); CREATE DATABASE / VIEW IF NOT EXISTS of an existing one do nothing, and a view's column list names its columns
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quantity  -- evaluate expression and supply the result to queries
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/my_table', 'format' = 'csv');
INSERT INTO MyTable VALUES (CAST(1 AS BIGINT), 2.5, 4.0);
CREATE TABLE computed_sink (user_id BIGINT, price DOUBLE, quantity DOUBLE, cost DOUBLE) WITH ('connector' = 'print', 'print-identifier' = 'computed');
INSERT INTO computed_sink SELECT * FROM MyTable;
CREATE TABLE Meta (
  `user_id` BIGINT,
  `name` STRING,
  `file_name` STRING METADATA FROM 'file.name' VIRTUAL  -- not part of the query-to-sink schema
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/meta', 'format' = 'csv');
INSERT INTO Meta VALUES (CAST(7 AS BIGINT), 'ann');
CREATE TABLE meta_sink (user_id BIGINT, name STRING, has_file BOOLEAN) WITH ('connector' = 'print', 'print-identifier' = 'meta');
INSERT INTO meta_sink SELECT user_id, name, file_name LIKE 'part-%' FROM Meta;
CREATE TABLE Keyed (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'blackhole');
DESCRIBE Keyed;
CREATE DATABASE IF NOT EXISTS db1 COMMENT 'first' WITH ('k' = 'v');
CREATE DATABASE IF NOT EXISTS db1;
CREATE VIEW IF NOT EXISTS v1 (a, b) COMMENT 'a view' AS SELECT user_id, cost FROM MyTable;
CREATE VIEW IF NOT EXISTS v1 AS SELECT 1;
CREATE TABLE view_sink (a BIGINT, b DOUBLE) WITH ('connector' = 'print', 'print-identifier' = 'view');
INSERT INTO view_sink SELECT a, b FROM v1;
-- expect stdout (all, ordered, contains):
--| computed> +I[1, 2.5, 4.0, 10.0]
--| meta> +I[7, ann, true]
--| |   id | BIGINT | FALSE | PRI(id) |        |           |
--| | name | STRING |  TRUE |         |        |           |
--| view> +I[1, 10.0]
