-- scenario: the csv format holds atomic values and one level of ARRAY / ROW (Flink's CsvRowSchemaConverter): a MAP column, or an ARRAY of ARRAYs, is refused when the table is created, naming the column and its type
-- sql:
CREATE TABLE out_csv (id INT, tags MAP<STRING, INT>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
-- expect error: the csv format does not support column 'tags' of type MAP<STRING, INT>
-- expect exit: non-zero
-- expect stdout (unordered):
