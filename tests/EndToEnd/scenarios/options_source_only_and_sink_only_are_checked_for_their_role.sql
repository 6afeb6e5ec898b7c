-- scenario: options only a source reads are checked only when the table is read, and options only a sink reads only when it is written (Flink's KafkaDynamicTableFactory checks the startup mode in createDynamicTableSource and the partitioner in createDynamicTableSink): a kafka table with 'scan.startup.mode' = 'specific-offsets' but no offsets can be written (planned here with EXPLAIN, as no broker runs), one with an unknown partitioner can be read, and each fails in the other role with Flink's "Unable to create a source for reading table" / "a sink for writing table"
-- sql:
CREATE TABLE nums (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE written (id INT) WITH ('connector' = 'kafka', 'topic' = 'w', 'properties.bootstrap.servers' = 'localhost:9092', 'format' = 'json',
  'scan.startup.mode' = 'specific-offsets');
CREATE TABLE read_only (id INT) WITH ('connector' = 'kafka', 'topic' = 'r', 'properties.bootstrap.servers' = 'localhost:9092', 'format' = 'json',
  'sink.partitioner' = 'by-moon-phase');
EXPLAIN INSERT INTO written SELECT id FROM nums;
EXPLAIN SELECT id FROM read_only;
EXPLAIN INSERT INTO read_only SELECT id FROM nums;
-- expect stdout (all, ordered, contains):
--| == Abstract Syntax Tree ==
--| LogicalSink(table=[default_catalog.default_database.written]
--| == Abstract Syntax Tree ==
--| TableSourceScan(table=[[default_catalog, default_database, read_only]]
-- expect error: Error at job.sql:8:21: Unable to create a sink for writing table 'default_catalog.default_database.read_only'.
-- expect error: 'sink.partitioner'='by-moon-phase'
-- expect error: Invalid value for option 'sink.partitioner'
-- expect caret under: read_only SELECT
-- expect exit: non-zero
