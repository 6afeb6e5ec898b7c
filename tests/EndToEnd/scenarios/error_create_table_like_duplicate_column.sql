-- scenario: a column of CREATE TABLE ... LIKE that the base table already has is an error pointing at the column
-- sql:
CREATE TABLE base (id INT, name STRING) WITH ('connector' = 'datagen');
CREATE TABLE copy (name STRING)
  LIKE base;
-- expect error: 2:20
-- expect error: A column named 'name' already exists in the base table
-- expect caret under: name STRING
