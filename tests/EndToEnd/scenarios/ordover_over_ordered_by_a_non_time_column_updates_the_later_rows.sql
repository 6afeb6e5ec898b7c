-- scenario: OVER ordered by a column that is not a time attribute (Flink 2.1, NonTimeRangeUnboundedPrecedingFunction / NonTimeRowsUnboundedPrecedingFunction): a row placed before others emits itself, then -U/+U for each later step (RANGE: its set of peers; ROWS: its row) whose accumulator changed, stopping at the first unchanged one; a row arriving among RANGE peers updates them first and comes last. Expected changelog derived from those functions' semantics, at parallelism 1 in input order
-- file: input/items.csv
--| a,30,5
--| a,10,2
--| a,20,0
--| a,10,4
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE items (k STRING, ord INT, v INT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/items.csv', 'format' = 'csv');
CREATE TABLE by_range (ord INT, v INT, total INT, n BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'range');
CREATE TABLE by_rows (ord INT, v INT, total INT) WITH ('connector' = 'print', 'print-identifier' = 'rows');
INSERT INTO by_range SELECT ord, v, SUM(v) OVER w, COUNT(*) OVER w FROM items WINDOW w AS (PARTITION BY k ORDER BY ord);
INSERT INTO by_rows
SELECT ord, v, SUM(v) OVER (PARTITION BY k ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM items;
-- expect stdout (ordered):
--| range> +I[30, 5, 5, 1]
--| range> +I[10, 2, 2, 1]
--| range> -U[30, 5, 5, 1]
--| range> +U[30, 5, 7, 2]
--| range> +I[20, 0, 2, 2]
--| range> -U[30, 5, 7, 2]
--| range> +U[30, 5, 7, 3]
--| range> -U[10, 2, 2, 1]
--| range> +U[10, 2, 6, 2]
--| range> +I[10, 4, 6, 2]
--| range> -U[20, 0, 2, 2]
--| range> +U[20, 0, 6, 3]
--| range> -U[30, 5, 7, 3]
--| range> +U[30, 5, 11, 4]
--| rows> +I[30, 5, 5]
--| rows> +I[10, 2, 2]
--| rows> -U[30, 5, 5]
--| rows> +U[30, 5, 7]
--| rows> +I[20, 0, 2]
--| rows> +I[10, 4, 6]
--| rows> -U[20, 0, 2]
--| rows> +U[20, 0, 6]
--| rows> -U[30, 5, 7]
--| rows> +U[30, 5, 11]
