-- scenario: CURRENT_DATABASE() is the session's current database when the statement is planned (Flink's catalog function): default_database, then the one USE chose
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (db STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT CURRENT_DATABASE();
CREATE DATABASE sales;
USE sales;
INSERT INTO default_database.print_sink SELECT CURRENT_DATABASE();
-- expect stdout (ordered):
--| +I[default_database]
--| +I[sales]
