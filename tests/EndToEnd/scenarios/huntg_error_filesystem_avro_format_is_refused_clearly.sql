-- scenario: 'format' = 'avro' (or 'orc') on a filesystem table, which Flink has, is refused at CREATE TABLE with a message that says so and names the formats to use
-- sql:
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'avro');
-- expect error: the 'avro' format is not supported by the filesystem connector yet
-- expect caret under: 'format' = 'avro'
