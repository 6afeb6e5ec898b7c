-- scenario: ververica/flink-sql-cookbook joins/04_lookup_joins: JOIN users FOR SYSTEM_TIME AS OF usub.proc_time ON the users' primary key, users a filesystem table in place of MySQL over jdbc (and its PRIMARY KEY written NOT ENFORCED, which Flink requires: see the error scenario) and the CASE WHEN age < 18 flag; an unknown user_id gives no row (inner lookup join). Expected rows derived by hand from Flink's documented semantics
-- file: input/lk_subs.csv
--| s1,1,basic
--| s2,2,premium
--| s3,3,platinum
--| s4,4,basic
--| s5,1,premium
-- file: input/users.csv
--| 1,alice,17
--| 2,bob,34
--| 3,carol,18
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE subscriptions ( 
    id STRING,
    user_id INT,
    type STRING,
    proc_time AS PROCTIME()
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/lk_subs.csv', 'format' = 'csv');

CREATE TABLE users (
 user_id INT PRIMARY KEY NOT ENFORCED,
 user_name VARCHAR(255) NOT NULL, 
 age INT NOT NULL
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/users.csv', 'format' = 'csv');
CREATE TABLE o1 (subscription_id STRING, subscription_type STRING, user_age INT, is_minor INT) WITH ('connector'='print');
INSERT INTO o1
SELECT 
  id AS subscription_id,
  type AS subscription_type,
  age AS user_age,
  CASE 
    WHEN age < 18 THEN 1
    ELSE 0
  END AS is_minor
FROM subscriptions usub
JOIN users FOR SYSTEM_TIME AS OF usub.proc_time AS u
  ON usub.user_id = u.user_id;
-- expect stdout (unordered):
--| +I[s1, basic, 17, 1]
--| +I[s2, premium, 34, 0]
--| +I[s3, platinum, 18, 0]
--| +I[s5, premium, 17, 1]
