-- scenario: writing a NULL map key in json with the default 'json.map-null-key.mode' (FAIL) fails the job with Flink's message
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE o (id INT, m MAP<STRING, INT>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/o', 'format' = 'json');
INSERT INTO o VALUES (1, MAP[CAST(NULL AS STRING), 1]);
-- expect error: JSON format doesn't support to serialize map data with null keys
