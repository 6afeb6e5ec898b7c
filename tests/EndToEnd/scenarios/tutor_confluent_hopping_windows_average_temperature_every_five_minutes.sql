-- scenario: confluentinc/tutorials hopping-windows (Flink SQL): AVG(temperature) per sensor over HOP(5 min slide, 10 min size) of the tutorial's eight readings (a csv file for kafka). The file ends, so besides the tutorial's seven windows the two its open topic holds back fire: [02:45, 02:55) = (55 + 60) / 2 and [02:50, 03:00) = 60. Expected rows: the tutorial's output plus those two
-- file: input/temperature_readings.csv
--| 0,55,2023-01-15 02:15:30
--| 0,50,2023-01-15 02:20:30
--| 0,45,2023-01-15 02:25:30
--| 0,40,2023-01-15 02:30:30
--| 0,45,2023-01-15 02:35:30
--| 0,50,2023-01-15 02:40:30
--| 0,55,2023-01-15 02:45:30
--| 0,60,2023-01-15 02:50:30
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE temperature_readings (
    sensor_id INT,
    temperature DOUBLE,
    ts TIMESTAMP(3),
    -- declare ts as event time attribute and use strictly ascending timestamp watermark strategy
    WATERMARK FOR ts AS ts
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/temperature_readings.csv', 'format' = 'csv');
CREATE TABLE averages (sensor_id INT, avg_temperature DOUBLE, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO averages
SELECT sensor_id,
    AVG(temperature) AS avg_temperature,
    window_start,
    window_end
FROM TABLE(HOP(TABLE temperature_readings, DESCRIPTOR(ts), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
GROUP BY sensor_id, window_start, window_end;
-- expect stdout (unordered):
--| +I[0, 55.0, 2023-01-15T02:10, 2023-01-15T02:20]
--| +I[0, 52.5, 2023-01-15T02:15, 2023-01-15T02:25]
--| +I[0, 47.5, 2023-01-15T02:20, 2023-01-15T02:30]
--| +I[0, 42.5, 2023-01-15T02:25, 2023-01-15T02:35]
--| +I[0, 42.5, 2023-01-15T02:30, 2023-01-15T02:40]
--| +I[0, 47.5, 2023-01-15T02:35, 2023-01-15T02:45]
--| +I[0, 52.5, 2023-01-15T02:40, 2023-01-15T02:50]
--| +I[0, 57.5, 2023-01-15T02:45, 2023-01-15T02:55]
--| +I[0, 60.0, 2023-01-15T02:50, 2023-01-15T03:00]
