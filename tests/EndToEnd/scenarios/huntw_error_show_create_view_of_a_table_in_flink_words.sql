-- scenario: SHOW CREATE VIEW of a table fails with Flink's words (ShowCreateUtil), not as a missing view
-- sql:
create table t1 (a int) with ('connector' = 'datagen');
show create view t1;
-- expect error: SHOW CREATE VIEW is only supported for views, but `default_catalog`.`default_database`.`t1` is a table. Please use SHOW CREATE TABLE instead.
-- expect caret under: t1;
