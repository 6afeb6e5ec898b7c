-- scenario: Flink's MATCH_RECOGNIZE Ticker example (a start row, one or more falling prices, then a rise) finds one period of falling prices per symbol, emitted insert-only as the watermark passes the rows, with the partition column first; a late row is dropped
-- file: input/ticker.csv
--| ACME,2011-04-01 10:00:00,12,1
--| ACME,2011-04-01 10:00:01,17,2
--| XYZ,2011-04-01 10:00:01,30,1
--| ACME,2011-04-01 10:00:02,19,1
--| XYZ,2011-04-01 10:00:02,28,1
--| ACME,2011-04-01 10:00:03,21,3
--| XYZ,2011-04-01 10:00:03,25,1
--| ACME,2011-04-01 10:00:04,25,2
--| ACME,2011-04-01 10:00:05,18,1
--| XYZ,2011-04-01 10:00:05,29,1
--| ACME,2011-04-01 10:00:06,15,1
--| ACME,2011-04-01 10:00:07,14,2
--| ACME,2011-04-01 10:00:08,24,2
--| ACME,2011-04-01 10:00:09,25,2
--| ACME,2011-04-01 10:00:10,19,1
--| ACME,2011-04-01 10:00:06,1,1
-- sql:
SET 'table.dml-sync' = 'true';
SET 'execution.batch.max-rows' = '1';
SET 'pipeline.auto-watermark-interval' = '0';
CREATE TABLE Ticker (symbol STRING, rowtime TIMESTAMP(3), price BIGINT, tax INT, WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/ticker.csv', 'format' = 'csv');
CREATE TABLE print_sink (symbol STRING, start_tstamp TIMESTAMP(3), bottom_tstamp TIMESTAMP(3), end_tstamp TIMESTAMP(3), avg_down BIGINT)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT * FROM Ticker
MATCH_RECOGNIZE (
  PARTITION BY symbol
  ORDER BY rowtime
  MEASURES START_ROW.rowtime AS start_tstamp, LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
           LAST(PRICE_UP.rowtime) AS end_tstamp, AVG(PRICE_DOWN.price) AS avg_down
  ONE ROW PER MATCH
  AFTER MATCH SKIP TO LAST PRICE_UP
  PATTERN (START_ROW PRICE_DOWN+ PRICE_UP) WITHIN INTERVAL '1' HOUR
  DEFINE PRICE_DOWN AS (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price)
                       OR PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
         PRICE_UP AS PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
) MR;
-- expect stdout (unordered):
--| +I[ACME, 2011-04-01T10:00:04, 2011-04-01T10:00:07, 2011-04-01T10:00:08, 15]
--| +I[XYZ, 2011-04-01T10:00:01, 2011-04-01T10:00:03, 2011-04-01T10:00:05, 26]
