-- scenario: a TIME literal is TIME(0) whatever its fraction digits (Flink's planner makes every TIME TIME(0), FlinkTypeFactory.toLogicalType), so TIME '19:01:02.123' is shown as 19:01:02 and described as TIME(0); it keeps its milliseconds (it is not equal to TIME '19:01:02')
-- sql:
SET 'sql-client.execution.result-mode' = 'tableau';
CREATE TEMPORARY VIEW v AS SELECT TIME '19:01:02.123' AS t, TIME '19:01:02.123' = TIME '19:01:02' AS same;
DESCRIBE v;
SELECT * FROM v;
-- expect stdout (all, ordered, contains):
--| +------+---------+-------+-----+--------+-----------+
--| | name |    type |  null | key | extras | watermark |
--| +------+---------+-------+-----+--------+-----------+
--| |    t | TIME(0) | FALSE |     |        |           |
--| | same | BOOLEAN | FALSE |     |        |           |
--| +------+---------+-------+-----+--------+-----------+
--| | op |        t |   same |
--| | +I | 19:01:02 |  FALSE |
