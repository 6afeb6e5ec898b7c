-- scenario: the csv format holds atomic values and one level of ARRAY / ROW (Flink's CsvRowSchemaConverter): a MAP column is refused where an INSERT writes the table, naming the column and its type
-- sql:
CREATE TABLE out_csv (id INT, tags MAP<STRING, INT>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO out_csv SELECT 1, MAP['a', 1];
-- expect error: Unable to create a sink for writing table 'default_catalog.default_database.out_csv'.
-- expect error: the csv format does not support column 'tags' of type MAP<STRING, INT>
-- expect exit: non-zero
-- expect stdout (unordered):
