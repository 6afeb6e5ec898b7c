-- scenario: a CSV field that does not parse fails the job with an error naming the file and line and the bad value, after the records before it reached the sink (Flink reads record by record)
-- file: input/bids.csv
--| 1,10
--| 2,20
--| 3,abc
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, price INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, price FROM bids;
-- expect stdout (ordered):
--| +I[1, 10]
--| +I[2, 20]
-- expect error: bids.csv:3
-- expect error: abc
-- expect exit: non-zero
