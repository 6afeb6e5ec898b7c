-- scenario: a kafka table without a value format, brokers or topic, written: Flink's KafkaDynamicTableFactory discovers the sink's value format first, so that is the error (not the missing brokers)
-- sql:
CREATE TABLE events (id INT) WITH ('connector' = 'kafka');
INSERT INTO events SELECT 1;
-- expect error: Error at job.sql:2:13: Unable to create a sink for writing table 'default_catalog.default_database.events'.
-- expect error: Caused by: Could not find required sink format 'value.format'.
-- expect caret under: events SELECT
-- expect exit: non-zero
