-- scenario: ALTER DATABASE of a database that does not exist fails with Flink's "Database ... not exists" at the name
-- sql:
alter database nope set ('k1' = 'a');
-- expect error: Database nope not exists
-- expect caret under: nope
