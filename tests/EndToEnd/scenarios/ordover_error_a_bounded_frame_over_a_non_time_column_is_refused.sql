-- scenario: Flink's StreamExecOverAggregate runs a non-time ORDER BY only with UNBOUNDED PRECEDING AND CURRENT ROW; a frame starting n PRECEDING is refused with its message ("Non-time attribute sort is not supported for bounded OVER window.")
-- file: input/items.csv
--| a,30,5
-- sql:
CREATE TABLE items (k STRING, ord INT, v INT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/items.csv', 'format' = 'csv');
CREATE TABLE out_print (ord INT, total INT) WITH ('connector' = 'print');
INSERT INTO out_print SELECT ord, SUM(v) OVER (PARTITION BY k ORDER BY ord ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM items;
-- expect error: Non-time attribute sort is not supported for bounded OVER window.
-- expect caret under: 2 PRECEDING
