-- scenario: Flink's Window Join page: LeftTable (L1 12:02, L2 12:06, L3 12:03) and RightTable (R2 12:01, R3 12:04, R4 12:05) in 5-minute tumbling windows; the FULL OUTER window join pads L1, R2, L2 and R4 with nulls and joins L3 with R3; the IN and EXISTS semi joins keep only L3; the NOT IN and NOT EXISTS anti joins keep L1 and L2 (rows within a window come in no determined order). The docs' query selects L.window_start and L.window_end, yet their table shows 12:00/12:05 on the right-only rows R2 and R4: with Flink's code those columns are null on a row padded on the left, so the scenario follows the code (null)
-- file: input/left.csv
--| 2020-04-15 12:02:00,1,L1
--| 2020-04-15 12:06:00,2,L2
--| 2020-04-15 12:03:00,3,L3
-- file: input/right.csv
--| 2020-04-15 12:01:00,2,R2
--| 2020-04-15 12:04:00,3,R3
--| 2020-04-15 12:05:00,4,R4
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE LeftTable (row_time TIMESTAMP(3), num INT, id STRING,
  WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/left.csv', 'format' = 'csv');
CREATE TABLE RightTable (row_time TIMESTAMP(3), num INT, id STRING,
  WATERMARK FOR row_time AS row_time - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/right.csv', 'format' = 'csv');
CREATE TABLE join_sink (L_Num INT, L_Id STRING, R_Num INT, R_Id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'full');
CREATE TABLE semi_sink (row_time TIMESTAMP(3), num INT, id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'semi');
CREATE TABLE anti_sink (row_time TIMESTAMP(3), num INT, id STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_time TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'anti');
INSERT INTO join_sink
SELECT L.num as L_Num, L.id as L_Id, R.num as R_Num, R.id as R_Id, L.window_start, L.window_end
           FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
           ) L
           FULL JOIN (
               SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
           ) R
           ON L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end;
INSERT INTO semi_sink
SELECT *
           FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
           ) L WHERE L.num IN (
             SELECT num FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
             ) R WHERE L.window_start = R.window_start AND L.window_end = R.window_end);
INSERT INTO semi_sink
SELECT *
           FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
           ) L WHERE EXISTS (
             SELECT * FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
             ) R WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end);
INSERT INTO anti_sink
SELECT *
           FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
           ) L WHERE L.num NOT IN (
             SELECT num FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
             ) R WHERE L.window_start = R.window_start AND L.window_end = R.window_end);
INSERT INTO anti_sink
SELECT *
           FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE LeftTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
           ) L WHERE NOT EXISTS (
             SELECT * FROM (
               SELECT * FROM TABLE(TUMBLE(TABLE RightTable, DESCRIPTOR(row_time), INTERVAL '5' MINUTES))
             ) R WHERE L.num = R.num AND L.window_start = R.window_start AND L.window_end = R.window_end);
-- expect stdout (unordered):
--| full> +I[1, L1, null, null, 2020-04-15T12:00, 2020-04-15T12:05]
--| full> +I[null, null, 2, R2, null, null]
--| full> +I[3, L3, 3, R3, 2020-04-15T12:00, 2020-04-15T12:05]
--| full> +I[2, L2, null, null, 2020-04-15T12:05, 2020-04-15T12:10]
--| full> +I[null, null, 4, R4, null, null]
--| semi> +I[2020-04-15T12:03, 3, L3, 2020-04-15T12:00, 2020-04-15T12:05, 2020-04-15T12:04:59.999]
--| semi> +I[2020-04-15T12:03, 3, L3, 2020-04-15T12:00, 2020-04-15T12:05, 2020-04-15T12:04:59.999]
--| anti> +I[2020-04-15T12:02, 1, L1, 2020-04-15T12:00, 2020-04-15T12:05, 2020-04-15T12:04:59.999]
--| anti> +I[2020-04-15T12:06, 2, L2, 2020-04-15T12:05, 2020-04-15T12:10, 2020-04-15T12:09:59.999]
--| anti> +I[2020-04-15T12:02, 1, L1, 2020-04-15T12:00, 2020-04-15T12:05, 2020-04-15T12:04:59.999]
--| anti> +I[2020-04-15T12:06, 2, L2, 2020-04-15T12:05, 2020-04-15T12:10, 2020-04-15T12:09:59.999]
