-- scenario: Flink's MATCH_RECOGNIZE page examples with their documented results: AVG(A.price) < 15 accumulates 10:00:00-10:00:03 (avg 14.5) and 10:00:05-10:00:10 (avg 13.5); PATTERN (A B* C) greedy finds lastPrice 16, with B*? reluctant 13 and 16; a price drop of more than 10 WITHIN 1 HOUR is found only at 13:00 (dropDiff 14); ONE ROW PER MATCH puts the partition column first (XYZ, 10, 13, 11). Price is DOUBLE here so AVG keeps the docs' halves (on an INT column Flink's AVG would truncate); the page's WITHIN query lacks the comma between its DEFINE conditions, added here
-- file: input/agg.csv
--| ACME,2011-04-01 10:00:00,12,1
--| ACME,2011-04-01 10:00:01,17,2
--| ACME,2011-04-01 10:00:02,13,1
--| ACME,2011-04-01 10:00:03,16,3
--| ACME,2011-04-01 10:00:04,25,2
--| ACME,2011-04-01 10:00:05,2,1
--| ACME,2011-04-01 10:00:06,4,1
--| ACME,2011-04-01 10:00:07,10,2
--| ACME,2011-04-01 10:00:08,15,2
--| ACME,2011-04-01 10:00:09,25,2
--| ACME,2011-04-01 10:00:10,25,1
--| ACME,2011-04-01 10:00:11,30,1
-- file: input/quantifier.csv
--| XYZ,2018-09-17 10:00:02,10,1
--| XYZ,2018-09-17 10:00:03,11,2
--| XYZ,2018-09-17 10:00:04,12,1
--| XYZ,2018-09-17 10:00:05,13,2
--| XYZ,2018-09-17 10:00:06,14,1
--| XYZ,2018-09-17 10:00:07,16,2
-- file: input/within.csv
--| ACME,2011-04-01 10:00:00,20,1
--| ACME,2011-04-01 10:20:00,17,2
--| ACME,2011-04-01 10:40:00,18,1
--| ACME,2011-04-01 11:00:00,11,3
--| ACME,2011-04-01 11:20:00,14,2
--| ACME,2011-04-01 11:40:00,9,1
--| ACME,2011-04-01 12:00:00,15,1
--| ACME,2011-04-01 12:20:00,14,2
--| ACME,2011-04-01 12:40:00,24,2
--| ACME,2011-04-01 13:00:00,1,2
--| ACME,2011-04-01 13:20:00,19,1
-- file: input/output_mode.csv
--| XYZ,2018-09-17 10:00:02,10,1
--| XYZ,2018-09-17 10:00:03,12,2
--| XYZ,2018-09-17 10:00:04,13,1
--| XYZ,2018-09-17 10:00:05,11,2
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE TickerAgg (symbol STRING, rowtime TIMESTAMP(3), price DOUBLE, tax INT, WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/agg.csv', 'format' = 'csv');
CREATE TABLE TickerQ (symbol STRING, rowtime TIMESTAMP(3), price INT, tax INT, WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/quantifier.csv', 'format' = 'csv');
CREATE TABLE TickerW (symbol STRING, rowtime TIMESTAMP(3), price INT, tax INT, WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/within.csv', 'format' = 'csv');
CREATE TABLE TickerO (symbol STRING, rowtime TIMESTAMP(3), price INT, tax INT, WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/output_mode.csv', 'format' = 'csv');
CREATE TABLE agg_sink (symbol STRING, start_tstamp TIMESTAMP(3), end_tstamp TIMESTAMP(3), avgPrice DOUBLE)
  WITH ('connector' = 'print', 'print-identifier' = 'agg');
CREATE TABLE greedy_sink (symbol STRING, lastPrice INT) WITH ('connector' = 'print', 'print-identifier' = 'greedy');
CREATE TABLE reluctant_sink (symbol STRING, lastPrice INT) WITH ('connector' = 'print', 'print-identifier' = 'reluctant');
CREATE TABLE within_sink (symbol STRING, dropTime TIMESTAMP(3), dropDiff INT) WITH ('connector' = 'print', 'print-identifier' = 'within');
CREATE TABLE output_sink (symbol STRING, startPrice INT, topPrice INT, lastPrice INT) WITH ('connector' = 'print', 'print-identifier' = 'output');
INSERT INTO agg_sink
SELECT *
FROM TickerAgg
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(A.rowtime) AS start_tstamp,
            LAST(A.rowtime) AS end_tstamp,
            AVG(A.price) AS avgPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A+ B)
        DEFINE
            A AS AVG(A.price) < 15
    ) MR;
INSERT INTO greedy_sink
SELECT *
FROM TickerQ
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS lastPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C)
        DEFINE
            A AS A.price > 10,
            B AS B.price < 15,
            C AS C.price > 12
    );
INSERT INTO reluctant_sink
SELECT *
FROM TickerQ
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS lastPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B*? C)
        DEFINE
            A AS A.price > 10,
            B AS B.price < 15,
            C AS C.price > 12
    );
INSERT INTO within_sink
SELECT *
FROM TickerW
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.rowtime AS dropTime,
            A.price - C.price AS dropDiff
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
        DEFINE
            B AS B.price > A.price - 10,
            C AS C.price < A.price - 10
    );
INSERT INTO output_sink
SELECT *
FROM TickerO
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(A.price) AS startPrice,
            LAST(A.price) AS topPrice,
            B.price AS lastPrice
        ONE ROW PER MATCH
        PATTERN (A+ B)
        DEFINE
            A AS LAST(A.price, 1) IS NULL OR A.price > LAST(A.price, 1),
            B AS B.price < LAST(A.price)
    );
-- expect stdout (ordered):
--| agg> +I[ACME, 2011-04-01T10:00, 2011-04-01T10:00:03, 14.5]
--| agg> +I[ACME, 2011-04-01T10:00:05, 2011-04-01T10:00:10, 13.5]
--| greedy> +I[XYZ, 16]
--| reluctant> +I[XYZ, 13]
--| reluctant> +I[XYZ, 16]
--| within> +I[ACME, 2011-04-01T13:00, 14]
--| output> +I[XYZ, 10, 13, 11]
