-- scenario: a catalog of CREATE CATALOG without 'default-database' starts with the database `default` (Flink's GenericInMemoryCatalog.DEFAULT_DB, as the SQL client's catalog_database.q shows), which USE CATALOG makes current and `default`.t names
-- sql:
create catalog c1 with ('type'='generic_in_memory');
use catalog c1;
show current database;
create database db1;
show databases;
create table `default`.MyTable5 (a int, b string) with ('connector' = 'datagen');
create view `default`.MyView5 as select 1 + 1;
use db1;
show tables from c1.`default`;
use `default`;
show views;
-- expect stdout (all, ordered):
--| [INFO] Executing SQL from file.
--| [INFO] Execute statement succeeded.
--| [INFO] Execute statement succeeded.
--| +-----------------------+
--| | current database name |
--| +-----------------------+
--| |               default |
--| +-----------------------+
--| 1 row in set
--| [INFO] Execute statement succeeded.
--| +---------------+
--| | database name |
--| +---------------+
--| |           db1 |
--| |       default |
--| +---------------+
--| 2 rows in set
--| [INFO] Execute statement succeeded.
--| [INFO] Execute statement succeeded.
--| [INFO] Execute statement succeeded.
--| +------------+
--| | table name |
--| +------------+
--| |   MyTable5 |
--| |    MyView5 |
--| +------------+
--| 2 rows in set
--| [INFO] Execute statement succeeded.
--| +-----------+
--| | view name |
--| +-----------+
--| |   MyView5 |
--| +-----------+
--| 1 row in set
