-- scenario: CREATE TABLE ... AS SELECT into a table that exists is refused at the name, and the existing table is kept
-- sql:
CREATE TABLE t (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE t WITH ('connector' = 'print') AS SELECT id FROM t;
-- expect exit: non-zero
-- expect error: Table (or view) default_database.t already exists in Catalog default_catalog.
-- expect error: job.sql:2:14
