-- scenario: the csv format holds atomic values only: a table with an ARRAY column in csv is refused when it is created, naming the column and its type
-- sql:
CREATE TABLE out_csv (id INT, tags ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
-- expect error: the csv format does not support nested columns
-- expect error: column 'tags' is ARRAY<STRING>
-- expect exit: non-zero
-- expect stdout (unordered):
