-- scenario: SHOW CREATE TABLE of a view fails with Flink's words and the view's serializable identifier (view.q)
-- sql:
create view v1 as select 1 as a;
show create table v1;
-- expect error: SHOW CREATE TABLE is only supported for tables, but `default_catalog`.`default_database`.`v1` is a view. Please use SHOW CREATE VIEW instead.
-- expect caret under: v1;
