-- scenario: Flink's "Timestamp DataTypes and Time Zone Support" page: TO_TIMESTAMP_LTZ(4001, 3) shows 1970-01-01 00:00:04.001 in UTC and 08:00:04.001 in Asia/Shanghai while TIMESTAMP '1970-01-01 00:00:01.001' stays; casting the LTZ to TIMESTAMP(3) and STRING takes the session zone; DESC of the views: TO_TIMESTAMP_LTZ is nullable (TRUE) whatever its arguments, and LOCALTIME, LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP written without parentheses name their columns (Calcite parses them as identifiers) while CURRENT_ROW_TIMESTAMP(), NOW(), PROCTIME() get EXPR$5..7 and the casts EXPR$1, EXPR$2, EXPR$4 (the page's headers such as `CAST(ltz AS STRING)` and `NOW()` are illustrative, not what Flink prints; its lower-case true/false is Flink 1.13's)
-- sql:
CREATE VIEW T1 AS SELECT TO_TIMESTAMP_LTZ(4001, 3);
SET 'table.local-time-zone' = 'UTC';
SELECT * FROM T1;
SET 'table.local-time-zone' = 'Asia/Shanghai';
SELECT * FROM T1;
CREATE VIEW MyView1 AS SELECT LOCALTIME, LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, CURRENT_ROW_TIMESTAMP(), NOW(), PROCTIME();
DESC MyView1;
CREATE VIEW MyView2 AS SELECT TO_TIMESTAMP_LTZ(4001, 3) AS ltz, TIMESTAMP '1970-01-01 00:00:01.001'  AS ntz;
DESC MyView2;
SET 'table.local-time-zone' = 'UTC';
SELECT * FROM MyView2;
SET 'table.local-time-zone' = 'Asia/Shanghai';
SELECT * FROM MyView2;
CREATE VIEW MyView3 AS SELECT ltz, CAST(ltz AS TIMESTAMP(3)), CAST(ltz AS STRING), ntz, CAST(ntz AS TIMESTAMP_LTZ(3)) FROM MyView2;
DESC MyView3;
SELECT * FROM MyView3;
-- expect stdout (all, ordered, contains):
--| | op |                  EXPR$0 |
--| | +I | 1970-01-01 00:00:04.001 |
--| Received a total of 1 row
--| | op |                  EXPR$0 |
--| | +I | 1970-01-01 08:00:04.001 |
--| Received a total of 1 row
--| |              name |                        type |  null | key | extras | watermark |
--| |         LOCALTIME |                     TIME(0) | FALSE |     |        |           |
--| |    LOCALTIMESTAMP |                TIMESTAMP(3) | FALSE |     |        |           |
--| |      CURRENT_DATE |                        DATE | FALSE |     |        |           |
--| |      CURRENT_TIME |                     TIME(0) | FALSE |     |        |           |
--| | CURRENT_TIMESTAMP |            TIMESTAMP_LTZ(3) | FALSE |     |        |           |
--| |            EXPR$5 |            TIMESTAMP_LTZ(3) | FALSE |     |        |           |
--| |            EXPR$6 |            TIMESTAMP_LTZ(3) | FALSE |     |        |           |
--| |            EXPR$7 | TIMESTAMP_LTZ(3) *PROCTIME* | FALSE |     |        |           |
--| 8 rows in set
--| | name |             type |  null | key | extras | watermark |
--| |  ltz | TIMESTAMP_LTZ(3) |  TRUE |     |        |           |
--| |  ntz |     TIMESTAMP(3) | FALSE |     |        |           |
--| 2 rows in set
--| | op |                     ltz |                     ntz |
--| | +I | 1970-01-01 00:00:04.001 | 1970-01-01 00:00:01.001 |
--| | op |                     ltz |                     ntz |
--| | +I | 1970-01-01 08:00:04.001 | 1970-01-01 00:00:01.001 |
--| |   name |             type |  null | key | extras | watermark |
--| |    ltz | TIMESTAMP_LTZ(3) |  TRUE |     |        |           |
--| | EXPR$1 |     TIMESTAMP(3) |  TRUE |     |        |           |
--| | EXPR$2 |           STRING |  TRUE |     |        |           |
--| |    ntz |     TIMESTAMP(3) | FALSE |     |        |           |
--| | EXPR$4 | TIMESTAMP_LTZ(3) | FALSE |     |        |           |
--| 5 rows in set
--| | op |                     ltz |                  EXPR$1 |                         EXPR$2 |                     ntz |                  EXPR$4 |
--| | +I | 1970-01-01 08:00:04.001 | 1970-01-01 08:00:04.001 |        1970-01-01 08:00:04.001 | 1970-01-01 00:00:01.001 | 1970-01-01 00:00:01.001 |
