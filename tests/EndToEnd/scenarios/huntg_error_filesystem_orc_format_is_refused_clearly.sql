-- scenario: 'format' = 'orc' on a filesystem table, which Flink has, is refused where a query reads the table, with a message that says so and names the formats to use
-- sql:
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'orc');
SELECT id FROM t;
-- expect error: Unable to create a source for reading table 'default_catalog.default_database.t'.
-- expect error: the 'orc' format is not supported by the filesystem connector yet
-- expect caret under: t;
