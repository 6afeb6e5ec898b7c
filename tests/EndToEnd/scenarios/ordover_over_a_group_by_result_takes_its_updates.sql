-- scenario: in streaming an OVER call in a GROUP BY query ordered by a non-time column (Flink 2.1) takes the aggregation's updates (it was refused with Flink 1.x's changelog message): a -U removes the group's old row (-D with its last value) and the later rows are updated, the +U puts the new row in (emitted as +U, the kind it came with). Expected changelog derived from NonTimeRangeUnboundedPrecedingFunction's semantics over GroupAggFunction's per-row changelog, at parallelism 1
-- file: input/bids.csv
--| 1,a,10
--| 2,b,5
--| 3,a,7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE print_sink (bidder STRING, c BIGINT, run BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT bidder, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY bidder) AS run FROM bids GROUP BY bidder;
-- expect stdout (ordered):
--| +I[a, 1, 1]
--| +I[b, 1, 2]
--| -D[a, 1, 1]
--| -U[b, 1, 2]
--| +U[b, 1, 1]
--| +U[a, 2, 2]
--| -U[b, 1, 1]
--| +U[b, 1, 3]
