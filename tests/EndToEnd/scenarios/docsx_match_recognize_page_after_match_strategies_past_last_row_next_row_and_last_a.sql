-- scenario: Flink's MATCH_RECOGNIZE page, After Match Strategy: SUM(A.price) < 30 over PATTERN (A+ C) gives the documented matches for SKIP PAST LAST ROW (26, 17), SKIP TO NEXT ROW (26, 24, 25, 22, 17) and SKIP TO LAST A (26, 25, 17), each with the first and last rowtime of the match
-- file: input/ticker.csv
--| XYZ,2018-09-17 10:00:01,7,1
--| XYZ,2018-09-17 10:00:02,9,2
--| XYZ,2018-09-17 10:00:03,10,1
--| XYZ,2018-09-17 10:00:04,5,2
--| XYZ,2018-09-17 10:00:05,10,2
--| XYZ,2018-09-17 10:00:06,7,2
--| XYZ,2018-09-17 10:00:07,14,2
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Ticker (symbol STRING, rowtime TIMESTAMP(3), price INT, tax INT, WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/ticker.csv', 'format' = 'csv');
CREATE TABLE past_last (symbol STRING, sumPrice INT, startTime TIMESTAMP(3), endTime TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'past_last');
CREATE TABLE next_row (symbol STRING, sumPrice INT, startTime TIMESTAMP(3), endTime TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'next_row');
CREATE TABLE last_a (symbol STRING, sumPrice INT, startTime TIMESTAMP(3), endTime TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'last_a');
INSERT INTO past_last
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            SUM(A.price) AS sumPrice,
            FIRST(rowtime) AS startTime,
            LAST(rowtime) AS endTime
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );
INSERT INTO next_row
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            SUM(A.price) AS sumPrice,
            FIRST(rowtime) AS startTime,
            LAST(rowtime) AS endTime
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO NEXT ROW
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );
INSERT INTO last_a
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            SUM(A.price) AS sumPrice,
            FIRST(rowtime) AS startTime,
            LAST(rowtime) AS endTime
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST A
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );
-- expect stdout (ordered):
--| past_last> +I[XYZ, 26, 2018-09-17T10:00:01, 2018-09-17T10:00:04]
--| past_last> +I[XYZ, 17, 2018-09-17T10:00:05, 2018-09-17T10:00:07]
--| next_row> +I[XYZ, 26, 2018-09-17T10:00:01, 2018-09-17T10:00:04]
--| next_row> +I[XYZ, 24, 2018-09-17T10:00:02, 2018-09-17T10:00:05]
--| next_row> +I[XYZ, 25, 2018-09-17T10:00:03, 2018-09-17T10:00:06]
--| next_row> +I[XYZ, 22, 2018-09-17T10:00:04, 2018-09-17T10:00:07]
--| next_row> +I[XYZ, 17, 2018-09-17T10:00:05, 2018-09-17T10:00:07]
--| last_a> +I[XYZ, 26, 2018-09-17T10:00:01, 2018-09-17T10:00:04]
--| last_a> +I[XYZ, 25, 2018-09-17T10:00:03, 2018-09-17T10:00:06]
--| last_a> +I[XYZ, 17, 2018-09-17T10:00:05, 2018-09-17T10:00:07]
