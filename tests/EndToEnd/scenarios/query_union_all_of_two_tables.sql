-- scenario: UNION ALL emits every row of both inputs, duplicates included
-- file: input/a.csv
--| 1,alice
--| 2,bob
-- file: input/b.csv
--| 3,carol
--| 1,alice
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids_a (id INT, who STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/a.csv', 'format' = 'csv');
CREATE TABLE bids_b (id INT, who STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/b.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, who STRING) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, who FROM bids_a
UNION ALL
SELECT id, who FROM bids_b;
-- expect stdout (unordered):
--| +I[1, alice]
--| +I[2, bob]
--| +I[3, carol]
--| +I[1, alice]
