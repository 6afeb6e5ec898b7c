-- scenario: the print connector prints toExternal(row).toString(), and Flink's external MAP is a java.util.HashMap (MapMapConverter), so a map's entries print by hash bucket - String keys 'c', 'b', 'a' as {a=1, b=2, c=3}, INT keys 100, 3, 17, 16 as {16=d, 17=c, 3=b, 100=a}, also inside an ARRAY or ROW - while the SQL client's result table (CAST rules over the map data) keeps the map's own order
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE p (m MAP<STRING, INT>, n MAP<INT, STRING>, a ARRAY<MAP<STRING, INT>>, r ROW<id INT, tags MAP<STRING, STRING>>) WITH ('connector' = 'print');
INSERT INTO p SELECT MAP['c', 3, 'b', 2, 'a', 1], MAP[100, 'a', 3, 'b', 17, 'c', 16, 'd'], ARRAY[MAP['zeta', 1, 'alpha', 2]],
  ROW(7, STR_TO_MAP('y=2,x=1'));
SELECT MAP['c', 3, 'b', 2, 'a', 1] AS m;
-- expect stdout (all, unordered, contains):
--| +I[{a=1, b=2, c=3}, {16=d, 17=c, 3=b, 100=a}, [{zeta=1, alpha=2}], +I[7, {x=1, y=2}]]
--| | +I |                {c=3, b=2, a=1} |
