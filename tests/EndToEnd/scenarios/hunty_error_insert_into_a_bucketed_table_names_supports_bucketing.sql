-- scenario: writing a DISTRIBUTED BY table fails at planning with Flink's DynamicSinkUtils message, since no connector here implements SupportsBucketing
-- sql:
CREATE TABLE src (id INT, v STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE bucketed (id INT, v STRING) DISTRIBUTED BY HASH(id) INTO 4 BUCKETS WITH ('connector' = 'print');
INSERT INTO bucketed SELECT id, v FROM src;
-- expect error: 3:13
-- expect error: Table 'default_catalog.default_database.bucketed' is a bucketed table, but the underlying DynamicTableSink doesn't implement the SupportsBucketing interface.
-- expect caret under: bucketed SELECT
