-- scenario: ververica/flink-sql-cookbook joins/04_lookup_joins as written declares `user_id INT PRIMARY KEY` (no NOT ENFORCED), which Flink refuses at CREATE TABLE with its message; the error points at the constraint. Expected rows derived by hand from Flink's documented semantics
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE users (
 user_id INT PRIMARY KEY,
 user_name VARCHAR(255) NOT NULL, 
 age INT NOT NULL
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/users.csv', 'format' = 'csv');
-- expect error: Flink doesn't support ENFORCED mode for PRIMARY KEY constraint
-- expect caret under: PRIMARY
