-- scenario: BETWEEN and NOT BETWEEN, ASYMMETRIC (the default) and SYMMETRIC, give the answers of Flink's docs, UNKNOWN (NULL) included
-- file: input/v.csv
--| 12
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE v (x INT) WITH ('connector' = 'filesystem', 'path' = 'input/v.csv', 'format' = 'csv');
CREATE TABLE print_sink (b1 BOOLEAN, b2 BOOLEAN, b3 BOOLEAN, b4 BOOLEAN, b5 BOOLEAN, n1 BOOLEAN, n2 BOOLEAN, n3 BOOLEAN, n4 BOOLEAN, n5 BOOLEAN, a BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT
  x BETWEEN 15 AND 12,
  x BETWEEN SYMMETRIC 15 AND 12,
  x BETWEEN 10 AND CAST(NULL AS INT),
  x BETWEEN CAST(NULL AS INT) AND 10,
  x BETWEEN SYMMETRIC CAST(NULL AS INT) AND 12,
  x NOT BETWEEN 15 AND 12,
  x NOT BETWEEN SYMMETRIC 15 AND 12,
  x NOT BETWEEN CAST(NULL AS INT) AND 15,
  x NOT BETWEEN 15 AND CAST(NULL AS INT),
  x NOT BETWEEN SYMMETRIC 12 AND CAST(NULL AS INT),
  x BETWEEN ASYMMETRIC 10 AND 15
FROM v;
-- expect stdout (unordered):
--| +I[false, true, null, false, null, true, false, null, true, null, true]
