-- scenario: Flink's window join example (a FULL JOIN of two 5-minute TUMBLE windowed tables on num, window_start and window_end) emits each window's joined and padded rows once, insert-only, when the watermark passes its end; semi (IN) and anti (NOT EXISTS) window joins into sinks of their own
-- file: input/left.csv
--| 2020-04-15 12:02:00,1,L1
--| 2020-04-15 12:03:00,3,L3
--| 2020-04-15 12:06:00,2,L2
-- file: input/right.csv
--| 2020-04-15 12:01:00,2,R2
--| 2020-04-15 12:04:00,3,R3
--| 2020-04-15 12:05:00,4,R4
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE LeftTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/left.csv', 'format' = 'csv');
CREATE TABLE RightTable (row_time TIMESTAMP(3), num INT, id STRING, WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/right.csv', 'format' = 'csv');
CREATE TABLE joined (L_Num INT, L_Id STRING, R_Num INT, R_Id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'full');
CREATE TABLE kept (num INT, id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'semi');
CREATE TABLE dropped (num INT, id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'anti');
INSERT INTO joined
SELECT L.num AS L_Num, L.id AS L_Id, R.num AS R_Num, R.id AS R_Id,
       COALESCE(L.window_start, R.window_start) AS window_start,
       COALESCE(L.window_end, R.window_end) AS window_end
FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L
FULL JOIN (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R
ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end;
INSERT INTO kept
SELECT num, id, window_start, window_end FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L
WHERE L.num IN (SELECT num FROM (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R
                WHERE L.window_start = R.window_start AND L.window_end = R.window_end);
INSERT INTO dropped
SELECT num, id, window_start, window_end FROM (SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) L
WHERE NOT EXISTS (SELECT * FROM (SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))) R
                  WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end);
-- expect stdout (unordered):
--| full> +I[1, L1, null, null, 2020-04-15T12:00, 2020-04-15T12:05]
--| full> +I[null, null, 2, R2, 2020-04-15T12:00, 2020-04-15T12:05]
--| full> +I[3, L3, 3, R3, 2020-04-15T12:00, 2020-04-15T12:05]
--| full> +I[2, L2, null, null, 2020-04-15T12:05, 2020-04-15T12:10]
--| full> +I[null, null, 4, R4, 2020-04-15T12:05, 2020-04-15T12:10]
--| semi> +I[3, L3, 2020-04-15T12:00, 2020-04-15T12:05]
--| anti> +I[1, L1, 2020-04-15T12:00, 2020-04-15T12:05]
--| anti> +I[2, L2, 2020-04-15T12:05, 2020-04-15T12:10]
