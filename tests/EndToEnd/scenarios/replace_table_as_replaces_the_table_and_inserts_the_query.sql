-- scenario: CREATE OR REPLACE TABLE ... AS creates the table, REPLACE TABLE ... AS drops it and creates it again from the new query's columns and options, each inserting its query (Flink's RTAS)
-- file: input/people.csv
--| 1,alice
--| 2,bob
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/people.csv', 'format' = 'csv');
CREATE OR REPLACE TABLE out WITH ('connector' = 'print', 'print-identifier' = 'first') AS SELECT id FROM src;
REPLACE TABLE out WITH ('connector' = 'print', 'print-identifier' = 'second') AS SELECT UPPER(name) AS name, id * 10 AS tens FROM src;
INSERT INTO out VALUES ('carol', 30);
-- expect stdout (unordered):
--| first> +I[1]
--| first> +I[2]
--| second> +I[ALICE, 10]
--| second> +I[BOB, 20]
--| second> +I[carol, 30]
