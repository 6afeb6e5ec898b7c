-- scenario: an event-time temporal join whose left side is a changelog (debezium-json) forwards each change with its kind, each row joined with the version as of its own time, in time order (Flink's TemporalRowTimeJoinOperator; the join takes its left input's changelog mode)
-- file: input/orders.json
--| {"before":null,"after":{"id":1,"cur":"EUR","amt":10,"ts":"2026-01-01 00:00:05"},"op":"c"}
--| {"before":null,"after":{"id":2,"cur":"EUR","amt":30,"ts":"2026-01-01 00:00:15"},"op":"c"}
--| {"before":{"id":1,"cur":"EUR","amt":10,"ts":"2026-01-01 00:00:05"},"after":{"id":1,"cur":"EUR","amt":20,"ts":"2026-01-01 00:00:12"},"op":"u"}
--| {"before":{"id":2,"cur":"EUR","amt":30,"ts":"2026-01-01 00:00:15"},"after":null,"op":"d"}
--| {"before":null,"after":{"id":3,"cur":"USD","amt":7,"ts":"2026-01-01 00:00:20"},"op":"c"}
-- file: input/rates.csv
--| EUR,1,2026-01-01 00:00:00
--| EUR,2,2026-01-01 00:00:10
-- sql:
SET 'table.dml-sync' = 'true';
SET 'parallelism.default' = '1';
CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (cur) NOT ENFORCED) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/rates.csv', 'format' = 'csv');
CREATE TABLE orders (id INT, cur STRING, amt INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'debezium-json');
CREATE TABLE print_sink (id INT, amt INT, rate INT) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT o.id, o.amt, r.rate FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur;
-- expect stdout (ordered):
--| +I[1, 10, 1]
--| -U[1, 10, 1]
--| +U[1, 20, 2]
--| +I[2, 30, 2]
--| -D[2, 30, 2]
--| +I[3, 7, null]
