-- scenario: an ARRAY of ARRAYs in csv is refused at CREATE TABLE with Flink's CsvRowSchemaConverter wording
-- sql:
CREATE TABLE t (m ARRAY<ARRAY<INT>>) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'csv');
-- expect error: Only simple types are supported in the second level nesting of fields 'm' but was: ARRAY<INT>
