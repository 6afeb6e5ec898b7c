-- scenario: the E.g. results the earlier versions of Flink's built-in functions page (and its ITCase) give and the current one dropped: OVERLAY('This is an old string' PLACING ' new' FROM 10 FOR 5) is 'This is a new string', CONCAT_WS('~', 'AA', NULL, 'BB', '', 'CC') with an untyped NULL is 'AA~BB~~CC', TIMESTAMPADD(WEEK, 1, DATE '2003-01-02') is 2003-01-09, TIMESTAMPDIFF(DAY, ...) over one day is 1, (TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:55:01', INTERVAL '1' HOUR) is FALSE, CASE 2 WHEN 1, 2 THEN 2 ELSE 3 END is 2, CARDINALITY of a three-element array is 3, CAST(2 AS DOUBLE) prints 2.0
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE earlier WITH ('connector' = 'print', 'print-identifier' = 'earlier') AS SELECT
  OVERLAY('This is an old string' PLACING ' new' FROM 10 FOR 5) AS o1, CONCAT_WS('~', 'AA', NULL, 'BB', '', 'CC') AS o2,
  TIMESTAMPADD(WEEK, 1, DATE '2003-01-02') AS o3, TIMESTAMPDIFF(DAY, TIMESTAMP '2003-01-02 10:00:00', TIMESTAMP '2003-01-03 10:00:00') AS o4,
  (TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:55:01', INTERVAL '1' HOUR) AS o5, CASE 2 WHEN 1, 2 THEN 2 ELSE 3 END AS o6,
  CARDINALITY(ARRAY[TRUE, TRUE, FALSE]) AS o7, CAST(2 AS DOUBLE) AS o8;
-- expect stdout (unordered):
--| earlier> +I[This is a new string, AA~BB~~CC, 2003-01-09, 1, false, 2, 3, 2.0]
