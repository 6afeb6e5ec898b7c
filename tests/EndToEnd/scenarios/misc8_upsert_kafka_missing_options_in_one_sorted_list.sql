-- scenario: an upsert-kafka table without 'properties.bootstrap.servers' and 'topic' is refused where it is written with both in FactoryUtil's one sorted "Missing required options are:" list (its formats, which Flink discovers first, are there)
-- sql:
CREATE TABLE totals (k STRING, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH (
  'connector' = 'upsert-kafka', 'key.format' = 'json', 'value.format' = 'json');
INSERT INTO totals SELECT 'a', 1;
-- expect error: Error at job.sql:3:13: Unable to create a sink for writing table 'default_catalog.default_database.totals'.
-- expect error: Caused by: One or more required options are missing.
-- expect error: Missing required options are:
-- expect error: properties.bootstrap.servers
-- expect error: topic
-- expect caret under: totals SELECT
-- expect exit: non-zero
