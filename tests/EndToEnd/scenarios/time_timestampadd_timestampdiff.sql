-- scenario: TIMESTAMPADD adds units (MONTH clamps to the month's last day), TIMESTAMPDIFF counts whole units between two timestamps
-- file: input/spans.csv
--| 1,2024-01-15 10:00:00,2024-01-15 12:30:00
--| 2,2024-01-31 23:00:00,2024-03-01 00:00:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE spans (id INT, a TIMESTAMP(3), b TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/spans.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, plus_2h TIMESTAMP(3), plus_1mo TIMESTAMP(3), diff_min INT, diff_days INT)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, TIMESTAMPADD(HOUR, 2, a), TIMESTAMPADD(MONTH, 1, a), TIMESTAMPDIFF(MINUTE, a, b), TIMESTAMPDIFF(DAY, a, b)
FROM spans;
-- expect stdout (unordered):
--| +I[1, 2024-01-15T12:00, 2024-02-15T10:00, 150, 0]
--| +I[2, 2024-02-01T01:00, 2024-02-29T23:00, 41820, 29]
