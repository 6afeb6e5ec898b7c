-- scenario: CAST to BINARY(n) pads with zero bytes and trims to n, to VARBINARY(n) trims (text as its UTF-8 bytes); TIME to a smaller precision drops the digits; TRY_CAST of text too long for the DECIMAL is NULL (Flink's CastFunctionITCase)
-- file: input/texts.csv
--| 1,a,12:34:56.123,1.2
--| 2,foobar,00:00:01.999,12345.6789
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE texts (id INT, s STRING, tm STRING, n STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/texts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, b2 BINARY(2), vb4 VARBINARY(4), b3 BINARY(3), bytes_of_char BYTES, t0 TIME(0), d DECIMAL(8, 4)) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, CAST(s AS BINARY(2)), CAST(s AS VARBINARY(4)), CAST(CAST(s AS BYTES) AS BINARY(3)), CAST(CAST(s AS CHAR(4)) AS BYTES),
       CAST(CAST(tm AS TIME(3)) AS TIME(0)), TRY_CAST(n AS DECIMAL(8, 4))
FROM texts;
-- expect stdout (unordered):
--| +I[1, [97, 0], [97], [97, 0, 0], [97, 32, 32, 32], 12:34:56, 1.2000]
--| +I[2, [102, 111], [102, 111, 111, 98], [102, 111, 111], [102, 111, 111, 98], 00:00:01, null]
