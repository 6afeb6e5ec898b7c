-- scenario: 'csv.write-bigdecimal-in-scientific-notation' = 'true' writes decimals as Java's stripTrailingZeros().toString() (1E+5 quoted by Jackson's check for its '+'); unset, Flink's factory leaves the plain value at the column's scale
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE sci (a DECIMAL(10, 2), b DECIMAL(12, 0), c DECIMAL(10, 4), d DECIMAL(20, 10)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/sci', 'format' = 'csv', 'csv.write-bigdecimal-in-scientific-notation' = 'true');
INSERT INTO sci VALUES (1.50, 100000, CAST(0 AS DECIMAL(10, 4)), 0.0000001);
CREATE TABLE plain (a DECIMAL(10, 2), b DECIMAL(12, 0), c DECIMAL(10, 4), d DECIMAL(20, 10)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/plain', 'format' = 'csv');
INSERT INTO plain VALUES (1.50, 100000, CAST(0 AS DECIMAL(10, 4)), 0.0000001);
-- expect files ${SCRATCH}/sci (unordered):
--| 1.5,"1E+5",0,1E-7
-- expect files ${SCRATCH}/plain (unordered):
--| 1.50,100000,0.0000,0.0000001000
