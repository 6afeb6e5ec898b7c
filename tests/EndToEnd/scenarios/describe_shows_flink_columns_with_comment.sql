-- scenario: DESCRIBE prints Flink's table (name, type, null, key, extras, watermark, and comment when a column has one): types without NOT NULL, TRUE/FALSE nullability, PRI(...) key, computed expression, rowtime marker and watermark, column comments
-- sql:
CREATE TABLE orders (
  `user` BIGINT NOT NULL COMMENT 'this is primary key',
  product VARCHAR(32),
  amount INT,
  ts TIMESTAMP(3) COMMENT 'notice: watermark',
  ptime AS PROCTIME() COMMENT 'this is a computed column',
  PRIMARY KEY (`user`) NOT ENFORCED,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
DESCRIBE orders;
-- expect stdout (all, ordered, contains):
--| +---------+-----------------------------+-------+-----------+---------------+----------------------------+---------------------------+
--| |    name |                        type |  null |       key |        extras |                  watermark |                   comment |
--| +---------+-----------------------------+-------+-----------+---------------+----------------------------+---------------------------+
--| |    user |                      BIGINT | FALSE | PRI(user) |               |                            |       this is primary key |
--| | product |                 VARCHAR(32) |  TRUE |           |               |                            |                           |
--| |  amount |                         INT |  TRUE |           |               |                            |                           |
--| |      ts |      TIMESTAMP(3) *ROWTIME* |  TRUE |           |               | `ts` - INTERVAL '1' SECOND |         notice: watermark |
--| |   ptime | TIMESTAMP_LTZ(3) *PROCTIME* | FALSE |           | AS PROCTIME() |                            | this is a computed column |
--| +---------+-----------------------------+-------+-----------+---------------+----------------------------+---------------------------+
--| 5 rows in set
