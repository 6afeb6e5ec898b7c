-- scenario: the json format writes DECIMAL as Jackson writes a BigDecimal (toString: scientific below 1E-6, unless 'json.encode.decimal-as-plain-number') and timestamps in ISO-8601 when 'json.timestamp-format.standard' says so
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE out_json (id INT, ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(3), amount DECIMAL(20, 10)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601');
CREATE TABLE out_plain (id INT, amount DECIMAL(20, 10)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/plain', 'format' = 'json', 'json.encode.decimal-as-plain-number' = 'true');
INSERT INTO out_json VALUES
  (1, TIMESTAMP '2024-01-01 10:00:00', TO_TIMESTAMP_LTZ(1704103200000, 3), CAST(0.0000001 AS DECIMAL(20, 10))),
  (2, TIMESTAMP '2024-01-01 10:00:00.500', TO_TIMESTAMP_LTZ(1704103200500, 3), CAST(12345.5 AS DECIMAL(20, 10)));
INSERT INTO out_plain VALUES (1, CAST(0.0000001 AS DECIMAL(20, 10)));
-- expect files ${SCRATCH}/out (unordered):
--| {"id":1,"ts":"2024-01-01T10:00:00","ltz":"2024-01-01T10:00:00Z","amount":1.000E-7}
--| {"id":2,"ts":"2024-01-01T10:00:00.5","ltz":"2024-01-01T10:00:00.5Z","amount":12345.5000000000}
-- expect files ${SCRATCH}/plain (unordered):
--| {"id":1,"amount":0.0000001000}
