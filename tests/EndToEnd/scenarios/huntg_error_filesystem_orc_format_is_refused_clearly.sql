-- scenario: 'format' = 'orc' on a filesystem table, which Flink has, is refused at CREATE TABLE with a message that says so and names the formats to use
-- sql:
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'orc');
-- expect error: the 'orc' format is not supported by the filesystem connector yet
-- expect caret under: 'format' = 'orc'
