-- scenario: an event-time temporal join whose left side keeps the last row per id by rowtime (an updating Deduplicate): the replaced row is retracted with the rate as of its own time, the new one joined with the rate as of its time
-- file: input/orders.csv
--| 1,EUR,10,2026-01-01 00:00:05
--| 1,EUR,20,2026-01-01 00:00:12
--| 2,EUR,30,2026-01-01 00:00:15
-- file: input/rates.csv
--| EUR,1,2026-01-01 00:00:00
--| EUR,2,2026-01-01 00:00:10
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (cur) NOT ENFORCED) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/rates.csv', 'format' = 'csv');
CREATE TABLE orders (id INT, cur STRING, amt INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, amt INT, rate INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT l.id, l.amt, r.rate
FROM (SELECT id, cur, amt, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1) AS l
JOIN rates FOR SYSTEM_TIME AS OF l.ts AS r ON l.cur = r.cur;
-- expect stdout (ordered):
--| +I[1, 10, 1]
--| -U[1, 10, 1]
--| +U[1, 20, 2]
--| +I[2, 30, 2]
