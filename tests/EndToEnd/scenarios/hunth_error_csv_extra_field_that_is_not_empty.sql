-- scenario: a csv record with one more field than the table has columns is malformed unless that field is empty (a trailing delimiter): the job fails naming the file and line
-- file: input/region.tbl
--| 0|AFRICA|x|
--| 1|AMERICA|y|z
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE region (r_regionkey INT, r_name STRING, r_comment STRING) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/region.tbl', 'format' = 'csv', 'csv.field-delimiter' = '|');
CREATE TABLE out (r_regionkey INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO out SELECT r_regionkey FROM region;
-- expect error: region.tbl:2
-- expect error: 3 fields expected but found 4
-- expect exit: non-zero
