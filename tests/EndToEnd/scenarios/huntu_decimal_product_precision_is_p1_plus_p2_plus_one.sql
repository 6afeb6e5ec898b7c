-- scenario: a DECIMAL product is typed DECIMAL(p1 + p2 + 1, s1 + s2) before the 38-digit adjustment (Flink's findMultiplicationDecimalType, MathFunctionsITCase): DECIMAL(38, 18) * INT keeps 7 fractional digits, rounded half-up (a zero prints as BigDecimal.toString does: 0E-7)
-- file: input/amounts.csv
--| 1,1.123456789012345678,3,2.50
--| 2,-0.000000049999999999,1,0.10
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE amounts (id INT, d DECIMAL(38, 18), i INT, small DECIMAL(5, 2)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/amounts.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, product DECIMAL(38, 7), product_type STRING, small_product DECIMAL(16, 2), small_type STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, d * i, TYPEOF(d * i), small * i, TYPEOF(small * i) FROM amounts;
-- expect stdout (unordered):
--| +I[1, 3.3703704, DECIMAL(38, 7), 7.50, DECIMAL(16, 2)]
--| +I[2, 0E-7, DECIMAL(38, 7), 0.10, DECIMAL(16, 2)]
