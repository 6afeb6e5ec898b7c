-- scenario: over a TIMESTAMP_LTZ rowtime (TO_TIMESTAMP_LTZ of epoch millis) in Asia/Shanghai, MATCH_ROWTIME() is a TIMESTAMP(3) rowtime holding the epoch millis as UTC wall time (Flink's MatchRowTimeFunction: no operand gives TIMESTAMP) while MATCH_ROWTIME(ts) keeps the LTZ type; a TUMBLE over each starts at 10:00 and 18:00 respectively (before: both were TIMESTAMP_LTZ, 18:00)
-- file: input/bids.csv
--| 1,10,1705312801000
--| 2,20,1705312804000
--| 1,30,1705312807000
--| 2,5,1705312812000
--| 1,7,1705312803000
--| 1,8,1705312825000
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TABLE bids (auction INT, price INT, epoch_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE VIEW pairs AS SELECT * FROM bids MATCH_RECOGNIZE (
  PARTITION BY auction ORDER BY ts
  MEASURES FIRST(A.price) AS p1, LAST(A.price) AS p2, LAST(A.ts) AS last_ts, MATCH_ROWTIME() AS mrt, MATCH_ROWTIME(ts) AS mrt_ltz
  ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A{2}) DEFINE A AS TRUE);
CREATE TABLE matches (auction INT, p1 INT, p2 INT, mrt TIMESTAMP(3), mrt_ltz TIMESTAMP_LTZ(3), last_ts_text STRING, mrt_text STRING, mrt_ltz_text STRING) WITH ('connector' = 'print');
CREATE TABLE windows (which STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT) WITH ('connector' = 'print');
EXECUTE STATEMENT SET BEGIN
INSERT INTO matches SELECT auction, p1, p2, mrt, /* two rowtime attributes cannot go into one sink (Flink's CommonExecSink): one is cast to a regular TIMESTAMP_LTZ */ CAST(mrt_ltz AS TIMESTAMP_LTZ(3)), CAST(last_ts AS STRING), CAST(mrt AS STRING), CAST(mrt_ltz AS STRING) FROM pairs;
INSERT INTO windows SELECT 'mrt', window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE pairs, DESCRIPTOR(mrt), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
INSERT INTO windows SELECT 'mrt_ltz', window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE pairs, DESCRIPTOR(mrt_ltz), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
END;
-- expect stdout (unordered):
--| +I[1, 10, 30, 2024-01-15T10:00:07, 2024-01-15T10:00:07Z, 2024-01-15 18:00:07.000, 2024-01-15 10:00:07.000, 2024-01-15 18:00:07.000]
--| +I[2, 20, 5, 2024-01-15T10:00:12, 2024-01-15T10:00:12Z, 2024-01-15 18:00:12.000, 2024-01-15 10:00:12.000, 2024-01-15 18:00:12.000]
--| +I[mrt, 2024-01-15T10:00, 2024-01-15T10:00:10, 1]
--| +I[mrt, 2024-01-15T10:00:10, 2024-01-15T10:00:20, 1]
--| +I[mrt_ltz, 2024-01-15T18:00, 2024-01-15T18:00:10, 1]
--| +I[mrt_ltz, 2024-01-15T18:00:10, 2024-01-15T18:00:20, 1]
