-- scenario: JSON_VALUE ... RETURNING type DEFAULT v ON ERROR gives v when the value found does not convert to the type (an error, as the SQL standard says), as it does for malformed JSON; a missing value on a path without lax/strict is an error too (strict mode, Flink's default); without DEFAULT ON ERROR a value that does not convert is NULL
-- file: input/events.csv
--| 1|{"n":"42","ok":"true"}
--| 2|{"n":"forty-two","ok":"maybe"}
--| 3|{}
--| 4|not json
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, payload STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/events.csv', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.quote-character' = '`');
CREATE TABLE print_sink (id INT, n INT, n_or_null INT, ok BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id,
  JSON_VALUE(payload, '$.n' RETURNING INT DEFAULT -1 ON ERROR),
  JSON_VALUE(payload, '$.n' RETURNING INT),
  JSON_VALUE(payload, '$.ok' RETURNING BOOLEAN DEFAULT FALSE ON ERROR)
FROM events;
-- expect stdout (unordered):
--| +I[1, 42, 42, true]
--| +I[2, -1, null, false]
--| +I[3, -1, null, false]
--| +I[4, -1, null, false]
