-- scenario: a kafka table whose source options are incomplete ('scan.startup.mode' = 'specific-offsets' without 'scan.startup.specific-offsets') can be planned as a sink, but a query reading it fails with Flink's "Unable to create a source for reading table", naming the option it needs, at the table in the query
-- sql:
CREATE TABLE written (id INT) WITH ('connector' = 'kafka', 'topic' = 'w', 'properties.bootstrap.servers' = 'localhost:9092', 'format' = 'json',
  'scan.startup.mode' = 'specific-offsets');
EXPLAIN SELECT id FROM written;
-- expect error: Error at job.sql:3:24: Unable to create a source for reading table 'default_catalog.default_database.written'.
-- expect error: 'scan.startup.mode'='specific-offsets'
-- expect error: 'scan.startup.specific-offsets'
-- expect caret under: written;
-- expect exit: non-zero
