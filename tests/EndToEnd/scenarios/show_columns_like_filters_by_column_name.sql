-- scenario: SHOW COLUMNS [NOT] LIKE keeps the columns whose names match (Flink's table.q: '%r' and NOT '%u%'), and a table without column comments has no comment column
-- sql:
CREATE TABLE orders (
  `user` BIGINT NOT NULL,
  product VARCHAR(32),
  amount INT,
  ts TIMESTAMP(3),
  ptime AS PROCTIME(),
  PRIMARY KEY (`user`) NOT ENFORCED,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SHOW COLUMNS FROM orders LIKE '%r';
SHOW COLUMNS IN orders NOT LIKE '%u%';
SHOW COLUMNS FROM orders LIKE '%u';
-- expect stdout (all, ordered):
--| [INFO] Executing SQL from file.
--| [INFO] Execute statement succeeded.
--| +------+--------+-------+-----------+--------+-----------+
--| | name |   type |  null |       key | extras | watermark |
--| +------+--------+-------+-----------+--------+-----------+
--| | user | BIGINT | FALSE | PRI(user) |        |           |
--| +------+--------+-------+-----------+--------+-----------+
--| 1 row in set
--| +-------+-----------------------------+-------+-----+---------------+----------------------------+
--| |  name |                        type |  null | key |        extras |                  watermark |
--| +-------+-----------------------------+-------+-----+---------------+----------------------------+
--| |    ts |      TIMESTAMP(3) *ROWTIME* |  TRUE |     |               | `ts` - INTERVAL '1' SECOND |
--| | ptime | TIMESTAMP_LTZ(3) *PROCTIME* | FALSE |     | AS PROCTIME() |                            |
--| +-------+-----------------------------+-------+-----+---------------+----------------------------+
--| 2 rows in set
--| Empty set
