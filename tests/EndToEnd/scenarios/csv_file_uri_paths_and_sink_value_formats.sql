-- scenario: 'path' given as a file:// or file:/ URI (as Flink's docs write it) names the local file; the csv sink writes SQL-style temporal text, decimals with their scale, booleans in lower case, text with a space (timestamps) quoted as Jackson's generator does, quotes doubled and NULL as an empty field
-- file: input/events.csv
--| 1,"say ""hi"", bob",true,2024-01-15 10:30:00,2024-01-15,3.5
--| 2,,false,2024-01-15 10:30:05.120,2024-01-16,-0.25
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, msg STRING, ok BOOLEAN, ts TIMESTAMP(3), d DATE, amount DECIMAL(8, 2))
  WITH ('connector' = 'filesystem', 'path' = 'file:${SCRATCH}/input/events.csv', 'format' = 'csv');
CREATE TABLE out_csv (id INT, msg STRING, ok BOOLEAN, ts TIMESTAMP(3), d DATE, amount DECIMAL(8, 2), missing INT)
  WITH ('connector' = 'filesystem', 'path' = 'file://${SCRATCH}/out', 'format' = 'csv');
INSERT INTO out_csv SELECT id, msg, ok, ts, d, amount, CAST(NULL AS INT) FROM events;
-- expect files ${SCRATCH}/out (unordered):
--| 1,"say ""hi"", bob",true,"2024-01-15 10:30:00",2024-01-15,3.50,
--| 2,,false,"2024-01-15 10:30:05.12",2024-01-16,-0.25,
