-- scenario: 'json.map-null-key.mode' LITERAL writes a NULL map key as 'json.map-null-key.literal' and DROP leaves the entry out (Flink's RowDataToJsonConverters)
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE lit (id INT, m MAP<STRING, INT>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/lit', 'format' = 'json',
  'json.map-null-key.mode' = 'LITERAL', 'json.map-null-key.literal' = 'nullkey');
INSERT INTO lit VALUES (1, MAP[CAST(NULL AS STRING), 1, 'b', 2]);
CREATE TABLE dropped (id INT, m MAP<STRING, INT>) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/dropped', 'format' = 'json',
  'json.map-null-key.mode' = 'DROP');
INSERT INTO dropped VALUES (1, MAP[CAST(NULL AS STRING), 1, 'b', 2]);
-- expect files ${SCRATCH}/lit (unordered):
--| {"id":1,"m":{"nullkey":1,"b":2}}
-- expect files ${SCRATCH}/dropped (unordered):
--| {"id":1,"m":{"b":2}}
