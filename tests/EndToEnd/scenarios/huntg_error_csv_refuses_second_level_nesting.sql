-- scenario: an ARRAY of ARRAYs in csv is refused where a query reads the table, with Flink's CsvRowSchemaConverter wording
-- sql:
CREATE TABLE t (m ARRAY<ARRAY<INT>>) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'csv');
SELECT m FROM t;
-- expect error: Unable to create a source for reading table 'default_catalog.default_database.t'.
-- expect error: Only simple types are supported in the second level nesting of fields 'm' but was: ARRAY<INT>
