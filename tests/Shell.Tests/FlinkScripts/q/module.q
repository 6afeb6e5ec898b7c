# module.q - LOAD/UNLOAD MODULE, USE/LIST/LIST FULL MODULES
# Ported from Apache Flink's flink-table/flink-sql-client/src/test/resources/sql/module.q (see README.md here): what
# needs the Hive module (LOAD MODULE hive, its SUBSTRING_INDEX, USE MODULES over it) is left out, and so is UNLOAD
# MODULE core (StreamSql's built-in functions cannot be unloaded).

# list default loaded and enabled module
SHOW MODULES;
+-------------+
| module name |
+-------------+
|        core |
+-------------+
1 row in set
!ok

# load core module twice
LOAD MODULE core;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: A module with name 'core' already exists
!error

# use hive built-in function without loading hive module
SELECT SUBSTRING_INDEX('www.apache.org', '.', 2) FROM (VALUES (1, 'Hello World')) AS T(id, str);
[ERROR] Could not execute SQL statement. Reason:
org.apache.calcite.sql.validate.SqlValidatorException: No match found for function signature SUBSTRING_INDEX(<CHARACTER>, <CHARACTER>, <NUMERIC>)
!error

# use duplicate modules
USE MODULES core, core;
[ERROR] Could not execute SQL statement. Reason:
org.apache.flink.table.api.ValidationException: Module 'core' appears more than once
!error

USE MODULES core;
[INFO] Execute statement succeeded.
!info
