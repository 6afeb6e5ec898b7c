-- scenario: CREATE CATALOG and USE CATALOG (Flink 1.20 / 2.x): unqualified names resolve in the current catalog's default database ('default-database'), other catalogs' tables by catalog.database.name, and jobs read and write tables of both catalogs
-- file: input/people.csv
--| 1,alice
--| 2,bob
-- file: input/colours.csv
--| 1,red
--| 2,blue
--| 3,green
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/people.csv', 'format' = 'csv');
CREATE CATALOG c1 COMMENT 'second' WITH ('type' = 'generic_in_memory', 'default-database' = 'shop');
USE CATALOG c1;
CREATE TABLE t (id INT, colour STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/colours.csv', 'format' = 'csv');
CREATE TABLE out (name STRING, colour STRING) WITH ('connector' = 'print', 'print-identifier' = 'c1');
INSERT INTO out SELECT a.name, b.colour FROM default_catalog.default_database.t a JOIN t b ON a.id = b.id;
USE CATALOG default_catalog;
CREATE TABLE out (id INT) WITH ('connector' = 'print', 'print-identifier' = 'default');
INSERT INTO out SELECT id FROM c1.shop.t WHERE id > 1;
-- expect stdout (unordered):
--| c1> +I[alice, red]
--| c1> +I[bob, blue]
--| default> +I[2]
--| default> +I[3]
