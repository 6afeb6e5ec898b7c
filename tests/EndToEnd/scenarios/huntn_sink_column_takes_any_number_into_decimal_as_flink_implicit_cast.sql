-- scenario: a sink DECIMAL column takes any numeric query column (Flink's implicit casts: DECIMAL of another precision, DOUBLE), a TIMESTAMP goes into a DATE column, and a value too wide for the column becomes NULL
-- file: input/sales.csv
--| 1,north,10.50,2024-01-15 10:30:00
--| 2,north,999.99,2024-01-15 23:59:59.999
--| 3,south,7.25,2024-01-16 09:00:00
--| 4,south,0.01,2024-01-16 12:00:00
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE sales (id INT, region STRING, amount DECIMAL(10, 2), ts TIMESTAMP(3)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/sales.csv', 'format' = 'csv');
CREATE TABLE totals (region STRING, total DECIMAL(6, 2), small DECIMAL(4, 2), avg_amount DECIMAL(10, 4), ratio DECIMAL(5, 3), day_of DATE, n BIGINT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO totals
SELECT region, SUM(amount), SUM(amount), AVG(amount), SUM(amount) / 1000e0, MIN(ts), COUNT(*) FROM sales GROUP BY region;
-- expect files ${SCRATCH}/out (unordered):
--| north,1010.49,,505.2450,1.010,2024-01-15,2
--| south,7.26,7.26,3.6300,0.007,2024-01-16,2
