-- scenario: an unknown 'connector' value is stored by CREATE TABLE and fails where a query reads the table, in Flink's FactoryUtil words (the table and its options, "Cannot discover a connector using option", "Could not find any factory for identifier ... that implements 'org.apache.flink.table.factories.DynamicTableFactory'"), suggesting the closest and listing the available connector identifiers
-- sql:
CREATE TABLE src (id INT) WITH ('connector' = 'kafak');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM src;
-- expect error: Unable to create a source for reading table 'default_catalog.default_database.src'.
-- expect error: 'connector'='kafak'
-- expect error: Cannot discover a connector using option: 'connector'='kafak'
-- expect error: Could not find any factory for identifier 'kafak' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath; did you mean 'kafka'?
-- expect error: Available factory identifiers are:
-- expect error: datagen
-- expect error: filesystem
-- expect error: print
-- expect caret under: src;
-- expect exit: non-zero
