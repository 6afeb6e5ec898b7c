-- scenario: Flink's MATCH_RECOGNIZE page, After Match Strategy: AFTER MATCH SKIP TO FIRST A over PATTERN (A+ C) would start the next match where the last one started, so the job fails at runtime with Flink's "Could not skip to first element of a match" (no stack trace)
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
CREATE TABLE first_a (symbol STRING, sumPrice INT, startTime TIMESTAMP(3), endTime TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO first_a
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
        AFTER MATCH SKIP TO FIRST A
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );
-- expect error: Could not skip to first element of a match. (AFTER MATCH SKIP TO FIRST A would start
-- expect exit: non-zero
