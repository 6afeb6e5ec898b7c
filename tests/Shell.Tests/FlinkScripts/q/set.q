# set.q - SET/RESET configuration
# Ported from Apache Flink's flink-table/flink-sql-client/src/test/resources/sql/set.q (see README.md here): the jar
# statements (ADD/REMOVE JAR, SHOW JARS, a function from the jar) are left out, and the `set;` listings without the
# rows of the test cluster's own configuration (execution.target, rest.port, pipeline.jars, ...).

# test set a configuration
SET 'sql-client.execution.result-mode' = 'tableau';
[INFO] Execute statement succeeded.
!info

SET 'table.dml-sync' = 'true';
[INFO] Execute statement succeeded.
!info

# test "ctas"
CREATE TABLE foo with(
  'connector' = 'filesystem',
  'path' = '$VAR_STREAMING_PATH',
  'format' = 'csv'
) as select id FROM (VALUES (1)) T(id);
[INFO] Complete execution of the SQL update statement.
!info

RESET 'table.dml-sync';
[INFO] Execute statement succeeded.
!info

SELECT * from foo;
+----+-------------+
| op |          id |
+----+-------------+
| +I |           1 |
+----+-------------+
Received a total of 1 row
!ok

reset 'table.resources.download-dir';
[INFO] Execute statement succeeded.
!info

# list the configured configuration
set;
+----------------------------------+---------+
|                              key |   value |
+----------------------------------+---------+
| sql-client.execution.result-mode | tableau |
+----------------------------------+---------+
1 row in set
!ok

# reset the configuration
reset;
[INFO] Execute statement succeeded.
!info

set;
Empty set
!ok

# should fail because default dialect doesn't support hive dialect
CREATE TABLE hive_table2 (
  product_id STRING,
  product_name STRING,
  unit_price DECIMAL(10, 4),
  pv_count BIGINT,
  like_count BIGINT,
  comment_count BIGINT,
  update_time TIMESTAMP(3),
  update_user STRING
) PARTITIONED BY (pt_year STRING, pt_month STRING, pt_day STRING) TBLPROPERTIES (
  'streaming-source.enable' = 'true'
);
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.sql.parser.impl.ParseException: Encountered "STRING" at line 10, column 27.
Was expecting one of:
    ")" ...
    "," ...
!error

set 'sql-client.verbose' = 'true';
[INFO] Execute statement succeeded.
!info

set;
+--------------------+-------+
|                key | value |
+--------------------+-------+
| sql-client.verbose |  true |
+--------------------+-------+
1 row in set
!ok

set 'execution.attached' = 'false';
[INFO] Execute statement succeeded.
!info

reset 'execution.attached';
[INFO] Execute statement succeeded.
!info

set;
+--------------------+-------+
|                key | value |
+--------------------+-------+
| sql-client.verbose |  true |
+--------------------+-------+
1 row in set
!ok

reset;
[INFO] Execute statement succeeded.
!info

SET 'sql-client.execution.result-mode' = 'tableau';
[INFO] Execute statement succeeded.
!info

SET 'sql-client.display.print-time-cost' = 'false';
[INFO] Execute statement succeeded.
!info
