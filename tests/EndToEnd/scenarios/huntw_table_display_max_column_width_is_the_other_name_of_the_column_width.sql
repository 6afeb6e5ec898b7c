-- scenario: 'table.display.max-column-width' (Flink's TableConfigOptions key, whose fallback is 'sql-client.display.max-column-width') cuts string columns of the tableau result; the newest SET of either name wins, as the SQL client's select.q shows
-- sql:
SET 'sql-client.execution.result-mode' = 'tableau';
CREATE TEMPORARY VIEW testUserData(name, dob, isHappy) AS (VALUES
  ('30b5c1bb-0ac0-43d3-b812-fcb649fd2b07', TIMESTAMP '2001-01-13 20:11:11.123', true),
  ('8b012d93-6ece-48ad-a2ea-aa75ef7b1d60', TIMESTAMP '1979-03-15 22:13:11.123', false)
);
SET 'table.display.max-column-width' = '10';
SELECT * from testUserData;
SET 'sql-client.display.max-column-width' = '40';
SELECT * from testUserData;
-- expect stdout (all, ordered):
--| [INFO] Executing SQL from file.
--| [INFO] Execute statement succeeded.
--| [INFO] Execute statement succeeded.
--| [INFO] Execute statement succeeded.
--| +----+------------+-------------------------+---------+
--| | op |       name |                     dob | isHappy |
--| +----+------------+-------------------------+---------+
--| | +I | 30b5c1b... | 2001-01-13 20:11:11.123 |    TRUE |
--| | +I | 8b012d9... | 1979-03-15 22:13:11.123 |   FALSE |
--| +----+------------+-------------------------+---------+
--| Received a total of 2 rows
--| [INFO] Execute statement succeeded.
--| +----+------------------------------------------+-------------------------+---------+
--| | op |                                     name |                     dob | isHappy |
--| +----+------------------------------------------+-------------------------+---------+
--| | +I |     30b5c1bb-0ac0-43d3-b812-fcb649fd2b07 | 2001-01-13 20:11:11.123 |    TRUE |
--| | +I |     8b012d93-6ece-48ad-a2ea-aa75ef7b1d60 | 1979-03-15 22:13:11.123 |   FALSE |
--| +----+------------------------------------------+-------------------------+---------+
--| Received a total of 2 rows
