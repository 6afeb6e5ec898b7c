-- scenario: ALTER DATABASE db SET (...) is accepted for an existing database (Flink's SqlAlterDatabase, the SQL client's catalog_database.q), so a script using it goes on to its job
-- sql:
SET 'table.dml-sync' = 'true';
create database db2 comment 'db2_comment' with ('k1' = 'v1');
alter database db2 set ('k1' = 'a', 'k2' = 'b');
alter database default_catalog.db2 set ('k3' = 'c');
create table db2.out (id INT) with ('connector' = 'print');
insert into db2.out values (1), (2);
-- expect stdout (unordered):
--| +I[1]
--| +I[2]
