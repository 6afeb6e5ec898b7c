-- scenario: an INSERT whose query has more columns than the sink fails in Flink's words (DynamicSinkUtils: "Column types of query result and sink for '...' do not match. Cause: Different number of columns." with both schemas); with a column list, Calcite's "Number of INSERT target columns (n) does not equal number of source items (m)"; both point at the query
-- sql:
CREATE TABLE src (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, price FROM src;
-- expect error: Column types of query result and sink for 'default_catalog.default_database.print_sink' do not match.
-- expect error: Cause: Different number of columns
-- expect error: Query schema: [id: INT, price: INT]
-- expect error: Sink schema:  [id: INT]
-- expect error: job.sql:3:24
-- expect caret under: SELECT id, price FROM src
-- expect exit: non-zero
