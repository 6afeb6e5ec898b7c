-- scenario: DECIMAL + and - keep scale 2, * adds the scales (2 + 2 = 4), and the print sink shows every digit of the scale
-- file: input/prices.csv
--| 1,1.50,2.00
--| 2,0.10,0.2
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE prices (id INT, p DECIMAL(10, 2), q DECIMAL(10, 2)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/prices.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, s DECIMAL(11, 2), d DECIMAL(11, 2), m DECIMAL(21, 4)) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, p + q, p - q, p * q FROM prices;
-- expect stdout (unordered):
--| +I[1, 3.50, -0.50, 3.0000]
--| +I[2, 0.30, -0.10, 0.0200]
