-- scenario: Flink's Time Zone page examples in Asia/Shanghai: TUMBLE over a TIMESTAMP_LTZ rowtime gives window bounds on Shanghai's wall clock (22:00-22:10) and TUMBLE_ROWTIME the instant 14:09:59.999 UTC; over a TIMESTAMP rowtime the same data gives 14:00-14:10, untouched by the zone; a 1 DAY window on the LTZ column starts at Shanghai midnight
-- file: input/ltz.csv
--| A,1.1,1618495260000
--| B,1.2,1618495320000
--| A,1.8,1618495380000
--| B,2.5,1618495440000
--| C,3.8,1618495500000
--| C,3.8,1618495860000
-- file: input/ntz.csv
--| A,1.1,2021-04-15 14:01:00
--| B,1.2,2021-04-15 14:02:00
--| A,1.8,2021-04-15 14:03:00
--| B,2.5,2021-04-15 14:04:00
--| C,3.8,2021-04-15 14:05:00
--| C,3.8,2021-04-15 14:11:00
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE MyTable3 (item STRING, price DOUBLE, ts BIGINT, ts_ltz AS TO_TIMESTAMP_LTZ(ts, 3),
  WATERMARK FOR ts_ltz AS ts_ltz - INTERVAL '10' SECOND) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/ltz.csv', 'format' = 'csv');
CREATE TABLE MyTable2 (item STRING, price DOUBLE, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '10' SECOND) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/ntz.csv', 'format' = 'csv');
CREATE TABLE print_sink (kind STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), window_rowtime STRING, item STRING, max_price DOUBLE)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT 'ltz', TUMBLE_START(ts_ltz, INTERVAL '10' MINUTES), TUMBLE_END(ts_ltz, INTERVAL '10' MINUTES),
  CAST(TUMBLE_ROWTIME(ts_ltz, INTERVAL '10' MINUTES) AS STRING), item, MAX(price)
FROM MyTable3 GROUP BY TUMBLE(ts_ltz, INTERVAL '10' MINUTES), item;
INSERT INTO print_sink
SELECT 'ntz', TUMBLE_START(ts, INTERVAL '10' MINUTES), TUMBLE_END(ts, INTERVAL '10' MINUTES),
  CAST(TUMBLE_ROWTIME(ts, INTERVAL '10' MINUTES) AS STRING), item, MAX(price)
FROM MyTable2 GROUP BY TUMBLE(ts, INTERVAL '10' MINUTES), item;
INSERT INTO print_sink
SELECT 'day', window_start, window_end, CAST(window_time AS STRING), 'all', MAX(price)
FROM TABLE(TUMBLE(TABLE MyTable3, DESCRIPTOR(ts_ltz), INTERVAL '1' DAY)) GROUP BY window_start, window_end, window_time;
-- expect stdout (unordered):
--| +I[ltz, 2021-04-15T22:00, 2021-04-15T22:10, 2021-04-15 22:09:59.999, A, 1.8]
--| +I[ltz, 2021-04-15T22:00, 2021-04-15T22:10, 2021-04-15 22:09:59.999, B, 2.5]
--| +I[ltz, 2021-04-15T22:00, 2021-04-15T22:10, 2021-04-15 22:09:59.999, C, 3.8]
--| +I[ltz, 2021-04-15T22:10, 2021-04-15T22:20, 2021-04-15 22:19:59.999, C, 3.8]
--| +I[ntz, 2021-04-15T14:00, 2021-04-15T14:10, 2021-04-15 14:09:59.999, A, 1.8]
--| +I[ntz, 2021-04-15T14:00, 2021-04-15T14:10, 2021-04-15 14:09:59.999, B, 2.5]
--| +I[ntz, 2021-04-15T14:00, 2021-04-15T14:10, 2021-04-15 14:09:59.999, C, 3.8]
--| +I[ntz, 2021-04-15T14:10, 2021-04-15T14:20, 2021-04-15 14:19:59.999, C, 3.8]
--| +I[day, 2021-04-15T00:00, 2021-04-16T00:00, 2021-04-15 23:59:59.999, all, 3.8]
