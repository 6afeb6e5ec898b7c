-- scenario: confluentinc/tutorials lagging-events (Flink SQL): LAG(temperature, 1) OVER (PARTITION BY sensor_id ORDER BY ts) per reading, and the tutorial's CTE keeping only increases (previous_temperature IS NOT NULL AND temperature > previous_temperature), over its eight readings (a csv file for kafka; INT-looking temperatures are DOUBLE columns, printed 55.0). Expected rows: the tutorial's two outputs
-- file: input/temperature_readings.csv
--| 0,55,2024-11-15 02:15:30
--| 1,50,2024-11-15 02:15:30
--| 0,45,2024-11-15 02:25:30
--| 1,52,2024-11-15 02:25:30
--| 0,49,2024-11-15 02:35:30
--| 1,50,2024-11-15 02:35:30
--| 0,57,2024-11-15 02:45:30
--| 1,62,2024-11-15 02:45:30
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE temperature_readings (
    sensor_id INT,
    temperature DOUBLE,
    ts TIMESTAMP(3),
    -- declare ts as event time attribute and use strictly ascending timestamp watermark strategy
    WATERMARK FOR ts AS ts
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/temperature_readings.csv', 'format' = 'csv');
CREATE TABLE lagging (sensor_id INT, ts TIMESTAMP(3), temperature DOUBLE, previous_temperature DOUBLE) WITH ('connector' = 'print');
INSERT INTO lagging
SELECT sensor_id,
       ts,
       temperature,
       LAG(temperature, 1) OVER (PARTITION BY sensor_id ORDER BY ts) AS previous_temperature
FROM temperature_readings;
CREATE TABLE increases (sensor_id INT, ts TIMESTAMP(3), temperature DOUBLE, previous_temperature DOUBLE) WITH ('connector' = 'print', 'print-identifier' = 'up');
INSERT INTO increases
WITH lagging_temperature_readings AS (
  SELECT sensor_id,
         ts,
         temperature,
         LAG(temperature, 1) OVER (PARTITION BY sensor_id ORDER BY ts) AS previous_temperature
  FROM temperature_readings
)
SELECT *
FROM lagging_temperature_readings
WHERE previous_temperature IS NOT NULL AND temperature > previous_temperature;
-- expect stdout (unordered):
--| +I[0, 2024-11-15T02:15:30, 55.0, null]
--| +I[0, 2024-11-15T02:25:30, 45.0, 55.0]
--| +I[0, 2024-11-15T02:35:30, 49.0, 45.0]
--| +I[0, 2024-11-15T02:45:30, 57.0, 49.0]
--| +I[1, 2024-11-15T02:15:30, 50.0, null]
--| +I[1, 2024-11-15T02:25:30, 52.0, 50.0]
--| +I[1, 2024-11-15T02:35:30, 50.0, 52.0]
--| +I[1, 2024-11-15T02:45:30, 62.0, 50.0]
--| up> +I[0, 2024-11-15T02:35:30, 49.0, 45.0]
--| up> +I[0, 2024-11-15T02:45:30, 57.0, 49.0]
--| up> +I[1, 2024-11-15T02:25:30, 52.0, 50.0]
--| up> +I[1, 2024-11-15T02:45:30, 62.0, 50.0]
