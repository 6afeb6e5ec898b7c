-- scenario: ververica/flink-sql-cookbook other-builtin-functions/07_extract_data_from_json: IS JSON, JSON_EXISTS(s, '$.id'), JSON_VALUE(s, '$.full_name'), JSON_QUERY(s, '$.addresses[*].address') (the wildcard's values as one JSON array, WITHOUT ARRAY WRAPPER) over JSON strings read from a json file, one of them not JSON (FALSE/NULL ON ERROR). Expected rows derived by hand from Flink's documented semantics
-- file: input/clients.json
--| {"json_string": "{\"id\":\"a1\",\"full_name\":\"Ada Lovelace\",\"addresses\":[{\"address\":\"12 Main St\"},{\"address\":\"5 Elm Rd\"}]}"}
--| {"json_string": "{\"full_name\":\"Alan Turing\",\"addresses\":[{\"address\":\"1 Bletchley Park\"}]}"}
--| {"json_string": "not json"}
-- sql:
SET 'table.dml-sync' = 'true';
 CREATE TEMPORARY TABLE clients (
   `json_string` STRING
 )
 WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clients.json', 'format' = 'json');
CREATE TABLE o1 (a BOOLEAN, b BOOLEAN, c STRING, d STRING, e STRING) WITH ('connector'='print');
INSERT INTO o1
 SELECT 
  json_string IS JSON as `Is JSON`, 
  JSON_EXISTS(json_string, '$.id') as `Is id present`,
  JSON_VALUE(json_string, '$.full_name') as `Full Name`,
  JSON_QUERY(json_string, '$.addresses[*].address') as `Address`,
  json_string as `Original JSON`
 FROM clients;
-- expect stdout (unordered):
--| +I[true, true, Ada Lovelace, ["12 Main St","5 Elm Rd"], {"id":"a1","full_name":"Ada Lovelace","addresses":[{"address":"12 Main St"},{"address":"5 Elm Rd"}]}]
--| +I[true, false, Alan Turing, ["1 Bletchley Park"], {"full_name":"Alan Turing","addresses":[{"address":"1 Bletchley Park"}]}]
--| +I[false, false, null, null, not json]
