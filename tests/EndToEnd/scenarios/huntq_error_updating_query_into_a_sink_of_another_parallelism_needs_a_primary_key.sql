-- scenario: an updating query into a sink whose 'sink.parallelism' differs from its input's is refused without a primary key, with Flink's CommonExecSink message (its changes would reach the sink subtasks in no order a key keeps); with a primary key, or the same parallelism, it runs
-- file: input/orders.json
--| {"before":null,"after":{"id":1,"cat":"a"},"op":"c"}
--| {"before":null,"after":{"id":2,"cat":"a"},"op":"c"}
--| {"before":{"id":1,"cat":"a"},"after":null,"op":"d"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, cat STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'debezium-json');
CREATE TABLE keyed (cat STRING, n BIGINT, PRIMARY KEY (cat) NOT ENFORCED) WITH ('connector' = 'print', 'sink.parallelism' = '2');
INSERT INTO keyed SELECT cat, COUNT(*) FROM orders GROUP BY cat;
CREATE TABLE unkeyed (cat STRING, n BIGINT) WITH ('connector' = 'print', 'sink.parallelism' = '2');
INSERT INTO unkeyed SELECT cat, COUNT(*) FROM orders GROUP BY cat;
-- expect stdout (ordered):
--| +I[a, 1]
--| -U[a, 1]
--| +U[a, 2]
--| -U[a, 2]
--| +U[a, 1]
-- expect error: The sink for table 'default_catalog.default_database.unkeyed' has a configured parallelism of 2, while the input parallelism is 1. Since the configured parallelism is different from the input's parallelism and the changelog mode is not insert-only, a primary key is required but could not be found.
-- expect error: job.sql:6:1
-- expect caret under: INSERT INTO unkeyed
-- expect exit: non-zero
