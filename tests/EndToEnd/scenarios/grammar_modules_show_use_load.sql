-- scenario: Flink's module statements: SHOW [FULL] MODULES list core (used), USE MODULES core is accepted, loading another module fails with Flink's factory message naming the one available
-- sql:
SHOW MODULES;
SHOW FULL MODULES;
USE MODULES core;
SELECT UPPER('still here') AS s;
LOAD MODULE hive WITH ('hive-version' = '3.1.2');
-- expect stdout (all, ordered, contains):
--| +-------------+
--| | module name |
--| +-------------+
--| |        core |
--| +-------------+
--| 1 row in set
--| +-------------+------+
--| | module name | used |
--| +-------------+------+
--| |        core | TRUE |
--| +-------------+------+
--| 1 row in set
--| [INFO] Execute statement succeeded.
-- expect error: Could not find any factory for identifier 'hive' that implements 'org.apache.flink.table.factories.ModuleFactory' in the classpath. Available factory identifiers are: core
-- expect exit: non-zero
