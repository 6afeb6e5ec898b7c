-- scenario: ververica/flink-sql-cookbook joins/01_regular_joins: NOC INNER JOIN RealNames ON agent_id (two files in place of the bounded faker tables): every pair of equal ids, duplicates on both sides multiplying. Expected rows derived by hand from Flink's documented semantics
-- file: input/noc.csv
--| 1,Batman
--| 2,Superman
--| 3,Flash
--| 1,Robin
--| 5,Storm
-- file: input/realnames.csv
--| 1,Bruce Wayne
--| 2,Clark Kent
--| 4,Diana Prince
--| 1,Dick Grayson
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE NOC (
  agent_id STRING,
  codename STRING
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/noc.csv', 'format' = 'csv');

CREATE TABLE RealNames (
  agent_id STRING,
  name     STRING
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/realnames.csv', 'format' = 'csv');
CREATE TABLE o1 (name STRING, codename STRING) WITH ('connector'='print');
INSERT INTO o1
SELECT
    name,
    codename
FROM NOC
INNER JOIN RealNames ON NOC.agent_id = RealNames.agent_id;
-- expect stdout (unordered):
--| +I[Bruce Wayne, Batman]
--| +I[Bruce Wayne, Robin]
--| +I[Clark Kent, Superman]
--| +I[Dick Grayson, Batman]
--| +I[Dick Grayson, Robin]
