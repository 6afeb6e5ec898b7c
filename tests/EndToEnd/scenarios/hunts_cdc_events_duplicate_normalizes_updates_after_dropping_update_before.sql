-- scenario: with 'table.exec.source.cdc-events-duplicate' a debezium source with a primary key goes through Flink's DropUpdateBefore and ChangelogNormalize: an update comes out as -U of the stored row and +U, a repeated event gives nothing, a delete -D (the -U used to reach the ChangelogNormalize as a delete: -D then +I)
-- file: input/products.json
--| {"before":null,"after":{"id":1,"name":"a"},"op":"c"}
--| {"before":null,"after":{"id":1,"name":"a"},"op":"c"}
--| {"before":null,"after":{"id":2,"name":"b"},"op":"c"}
--| {"before":{"id":1,"name":"a"},"after":{"id":1,"name":"aa"},"op":"u"}
--| {"before":{"id":1,"name":"a"},"after":{"id":1,"name":"aa"},"op":"u"}
--| {"before":{"id":2,"name":"b"},"after":null,"op":"d"}
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.exec.source.cdc-events-duplicate' = 'true';
CREATE TABLE products (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/products.json', 'format' = 'debezium-json');
CREATE TABLE out (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out SELECT id, name FROM products;
-- expect stdout (ordered):
--| +I[1, a]
--| +I[2, b]
--| -U[1, a]
--| +U[1, aa]
--| -D[2, b]
