-- scenario: SHOW COLUMNS FROM a view with LIKE and case-insensitive ILIKE / NOT ILIKE
-- sql:
CREATE TABLE t (id INT, name STRING, price INT) WITH ('connector' = 'datagen');
CREATE VIEW v AS SELECT id, name AS owner, price FROM t;
SHOW COLUMNS FROM v LIKE '%r';
SHOW COLUMNS FROM v ILIKE 'ID';
SHOW COLUMNS FROM v NOT ILIKE 'P%';
-- expect stdout (all, ordered):
--| [INFO] Executing SQL from file.
--| [INFO] Execute statement succeeded.
--| [INFO] Execute statement succeeded.
--| +-------+--------+------+-----+--------+-----------+
--| |  name |   type | null | key | extras | watermark |
--| +-------+--------+------+-----+--------+-----------+
--| | owner | STRING | TRUE |     |        |           |
--| +-------+--------+------+-----+--------+-----------+
--| 1 row in set
--| +------+------+------+-----+--------+-----------+
--| | name | type | null | key | extras | watermark |
--| +------+------+------+-----+--------+-----------+
--| |   id |  INT | TRUE |     |        |           |
--| +------+------+------+-----+--------+-----------+
--| 1 row in set
--| +-------+--------+------+-----+--------+-----------+
--| |  name |   type | null | key | extras | watermark |
--| +-------+--------+------+-----+--------+-----------+
--| |    id |    INT | TRUE |     |        |           |
--| | owner | STRING | TRUE |     |        |           |
--| +-------+--------+------+-----+--------+-----------+
--| 2 rows in set
