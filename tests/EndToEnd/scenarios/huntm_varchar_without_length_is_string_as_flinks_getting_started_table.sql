-- scenario: VARCHAR and VARBINARY without a length are STRING and BYTES (Flink's FlinkTypeSystem gives Calcite their maximum length as default precision; CHAR and BINARY stay length 1): the SQL Getting Started page's employee_information table (name VARCHAR) describes as STRING and keeps whole names through its filter and GROUP BY queries, and CAST(x AS VARCHAR) keeps the whole text instead of cutting it to one character
-- file: input/employees.csv
--| 1,Alice Smith,1
--| 2,Bob Jones,2
--| 3,Carol White,1
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE employee_information (
    emp_id INT,
    name VARCHAR,
    dept_id INT
) WITH (
    'connector' = 'filesystem',
    'path' = '${SCRATCH}/input/employees.csv',
    'format' = 'csv'
);
DESCRIBE employee_information;
CREATE TABLE dept_one (emp_id INT, name VARCHAR, dept_id INT) WITH ('connector' = 'print', 'print-identifier' = 'dept1');
INSERT INTO dept_one SELECT * from employee_information WHERE dept_id = 1;
CREATE TABLE department_counts (dept_id INT, emp_count BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'counts');
INSERT INTO department_counts
SELECT
	dept_id,
	COUNT(*) as emp_count
FROM employee_information
GROUP BY dept_id;
CREATE TABLE casts (v VARCHAR, t STRING, b VARBINARY, tb STRING, c CHAR) WITH ('connector' = 'print', 'print-identifier' = 'cast');
INSERT INTO casts SELECT CAST(emp_id * 1000 AS VARCHAR) || '-' || CAST(name AS VARCHAR), TYPEOF(CAST(name AS VARCHAR)),
  CAST(CAST('hi' AS BINARY(2)) AS VARBINARY), TYPEOF(CAST(name AS VARBINARY)), CAST(name AS CHAR)
FROM employee_information WHERE emp_id = 2;
-- expect stdout (all, unordered, contains):
--| |    name |   type | null | key | extras | watermark |
--| |  emp_id |    INT | TRUE |     |        |           |
--| |    name | STRING | TRUE |     |        |           |
--| | dept_id |    INT | TRUE |     |        |           |
--| dept1> +I[1, Alice Smith, 1]
--| dept1> +I[3, Carol White, 1]
--| counts> +I[1, 1]
--| counts> +I[2, 1]
--| counts> -U[1, 1]
--| counts> +U[1, 2]
--| cast> +I[2000-Bob Jones, STRING, [104, 105], BYTES, B]
