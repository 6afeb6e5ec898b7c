-- scenario: ALTER TABLE of a missing table fails with the SQL client's words (table.q): "Table `c`.`d`.`t` doesn't exist or is a temporary table."
-- sql:
alter table non_exist rename to non_exist2;
-- expect error: Table `default_catalog`.`default_database`.`non_exist` doesn't exist or is a temporary table.
-- expect caret under: non_exist
