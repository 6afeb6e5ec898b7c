-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/04_over: AVG, MAX, MIN and STDDEV of a FLOAT OVER (PARTITION BY city ORDER BY measurement_time RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) through a named WINDOW; the two Berlin rows of the same time see each other (RANGE peers), a single row's STDDEV (sample) is NULL, FLOAT results print as Java's Float.toString (sqrt(7) as 2.6457512). Expected rows derived by hand from Flink's documented semantics
-- file: input/temps.csv
--| 2020-12-19 10:00:00,Berlin,10.0
--| 2020-12-19 10:00:20,Munich,3.5
--| 2020-12-19 10:00:30,Berlin,14.0
--| 2020-12-19 10:00:45,Berlin,9.0
--| 2020-12-19 10:01:10,Munich,7.5
--| 2020-12-19 10:01:30,Berlin,12.0
--| 2020-12-19 10:01:30,Berlin,20.0
--| 2020-12-19 10:02:40,Berlin,11.0
--| 2020-12-19 10:02:41,Munich,0.25
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY TABLE temperature_measurements (
  measurement_time TIMESTAMP(3),
  city STRING,
  temperature FLOAT, 
  WATERMARK FOR measurement_time AS measurement_time - INTERVAL '15' SECONDS
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/temps.csv', 'format' = 'csv');
CREATE TABLE o1 (measurement_time TIMESTAMP(3), city STRING, temperature FLOAT, a FLOAT, mx FLOAT, mn FLOAT, sd FLOAT) WITH ('connector'='print');
INSERT INTO o1
SELECT 
  measurement_time,
  city, 
  temperature,
  AVG(CAST(temperature AS FLOAT)) OVER last_minute AS avg_temperature_minute,
  MAX(temperature) OVER last_minute AS min_temperature_minute,
  MIN(temperature) OVER last_minute AS max_temperature_minute,
  STDDEV(CAST(temperature AS FLOAT)) OVER last_minute AS stdev_temperature_minute
FROM temperature_measurements 
WINDOW last_minute AS (
  PARTITION BY city
  ORDER BY measurement_time
  RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW 
);
-- expect stdout (unordered):
--| +I[2020-12-19T10:00, Berlin, 10.0, 10.0, 10.0, 10.0, null]
--| +I[2020-12-19T10:00:20, Munich, 3.5, 3.5, 3.5, 3.5, null]
--| +I[2020-12-19T10:00:30, Berlin, 14.0, 12.0, 14.0, 10.0, 2.828427]
--| +I[2020-12-19T10:00:45, Berlin, 9.0, 11.0, 14.0, 9.0, 2.6457512]
--| +I[2020-12-19T10:01:10, Munich, 7.5, 5.5, 7.5, 3.5, 2.828427]
--| +I[2020-12-19T10:01:30, Berlin, 12.0, 13.75, 20.0, 9.0, 4.645787]
--| +I[2020-12-19T10:01:30, Berlin, 20.0, 13.75, 20.0, 9.0, 4.645787]
--| +I[2020-12-19T10:02:40, Berlin, 11.0, 11.0, 11.0, 11.0, null]
--| +I[2020-12-19T10:02:41, Munich, 0.25, 0.25, 0.25, 0.25, null]
