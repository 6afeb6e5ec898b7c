-- scenario: DESCRIBE of a missing table fails with the SQL client's words (table.q): "Tables or views with the identifier ... doesn't exist."
-- sql:
describe non_exist;
-- expect error: Tables or views with the identifier 'default_catalog.default_database.non_exist' doesn't exist.
-- expect caret under: non_exist
