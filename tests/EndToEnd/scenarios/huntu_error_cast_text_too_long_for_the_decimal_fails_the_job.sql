-- scenario: CAST of text whose number does not fit the DECIMAL fails the job as text that is no number does (Flink's CastFunctionITCase: '12345.6789' to DECIMAL(8, 4) is a NumberFormatException); the rows before it reach the sink
-- file: input/texts.csv
--| 1,1.2
--| 2,12345.6789
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, n STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, d DECIMAL(8, 4)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, CAST(n AS DECIMAL(8, 4)) FROM texts;
-- expect stdout (ordered):
--| +I[1, 1.2000]
-- expect error: 12345.6789
-- expect exit: non-zero
