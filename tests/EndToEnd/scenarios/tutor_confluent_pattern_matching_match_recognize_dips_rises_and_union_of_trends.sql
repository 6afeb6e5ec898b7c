-- scenario: confluentinc/tutorials pattern-matching (Flink SQL): the tutorial's three MATCH_RECOGNIZE queries over its fifteen readings (a csv file for kafka): PATTERN (A B C) above 51 / below 51 / above 51 with SKIP PAST LAST ROW (only sensor 0's 55, 50, 52: the later 52, 49, 53 starts inside the match), TEMP_UP{5} defined with LAST(TEMP_UP.temperature, 1) IS NULL OR a rise (sensor 1's five rising readings), and the UNION (distinct) of that query and its TEMP_DOWN twin, parenthesised as written (sensors 1 and 2). Expected rows: the tutorial's stated results
-- file: input/temperature_readings.csv
--| 0,55,2023-04-03 02:00:00
--| 1,40,2023-04-03 02:00:01
--| 2,59,2023-04-03 02:00:02
--| 0,50,2023-04-03 02:00:03
--| 1,42,2023-04-03 02:00:04
--| 2,57,2023-04-03 02:00:05
--| 0,52,2023-04-03 02:00:06
--| 1,43,2023-04-03 02:00:07
--| 2,56,2023-04-03 02:00:08
--| 0,49,2023-04-03 02:00:09
--| 1,45,2023-04-03 02:00:10
--| 2,55,2023-04-03 02:00:11
--| 0,53,2023-04-03 02:00:12
--| 1,47,2023-04-03 02:00:13
--| 2,53,2023-04-03 02:00:14
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE temperature_readings (
    sensor_id INT,
    temperature DOUBLE,
    ts TIMESTAMP(3),
    -- declare ts as event time attribute and use strictly ascending timestamp watermark strategy
    WATERMARK FOR ts AS ts
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/temperature_readings.csv', 'format' = 'csv');
CREATE TABLE dips (sensor_id INT, firstTemp DOUBLE, firstTs TIMESTAMP(3), middleTemp DOUBLE, middleTs TIMESTAMP(3), lastTemp DOUBLE, lastTs TIMESTAMP(3))
  WITH ('connector' = 'print', 'print-identifier' = 'abc');
INSERT INTO dips
SELECT *
FROM temperature_readings
    MATCH_RECOGNIZE(
        PARTITION BY sensor_id
        ORDER BY ts ASC
        MEASURES
            A.temperature AS firstTemp,
            A.ts as firstTs,
            B.temperature AS middleTemp,
            B.ts as middleTs,
            C.temperature AS lastTemp,
            C.ts as lastTs
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B C)
        DEFINE
            A AS A.temperature > 51,
            B AS B.temperature < 51,
            C AS C.temperature > 51
    ) MR;
CREATE TABLE trends (sensor_id INT, firstTs TIMESTAMP(3), firstTemp DOUBLE, lastTs TIMESTAMP(3), lastTemp DOUBLE) WITH ('connector' = 'print', 'print-identifier' = 'up');
INSERT INTO trends
SELECT *
FROM temperature_readings
    MATCH_RECOGNIZE(
        PARTITION BY sensor_id
        ORDER BY ts ASC
        MEASURES
            FIRST(TEMP_UP.ts) AS firstTs,
            FIRST(TEMP_UP.temperature) AS firstTemp,
            LAST(TEMP_UP.ts) AS lastTs,
            LAST(TEMP_UP.temperature) AS lastTemp
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (TEMP_UP{5})
        DEFINE
          TEMP_UP AS
              LAST(TEMP_UP.temperature, 1) IS NULL OR TEMP_UP.temperature > LAST(TEMP_UP.temperature, 1)
    ) MR;
CREATE TABLE either (sensor_id INT, firstTs TIMESTAMP(3), firstTemp DOUBLE, lastTs TIMESTAMP(3), lastTemp DOUBLE) WITH ('connector' = 'print', 'print-identifier' = 'either');
INSERT INTO either
(SELECT *
 FROM temperature_readings
     MATCH_RECOGNIZE(
         PARTITION BY sensor_id
         ORDER BY ts ASC
         MEASURES
             FIRST(TEMP_UP.ts) AS firstTs,
             FIRST(TEMP_UP.temperature) AS firstTemp,
             LAST(TEMP_UP.ts) AS lastTs,
             LAST(TEMP_UP.temperature) AS lastTemp
         ONE ROW PER MATCH
         AFTER MATCH SKIP PAST LAST ROW
         PATTERN (TEMP_UP{5})
         DEFINE
             TEMP_UP AS
                 LAST(TEMP_UP.temperature, 1) IS NULL OR TEMP_UP.temperature > LAST(TEMP_UP.temperature, 1)
     ) MR)
UNION
(SELECT *
 FROM temperature_readings
     MATCH_RECOGNIZE(
         PARTITION BY sensor_id
         ORDER BY ts ASC
         MEASURES
             FIRST(TEMP_DOWN.ts) AS firstTs,
             FIRST(TEMP_DOWN.temperature) AS firstTemp,
             LAST(TEMP_DOWN.ts) AS lastTs,
             LAST(TEMP_DOWN.temperature) AS lastTemp
         ONE ROW PER MATCH
         AFTER MATCH SKIP PAST LAST ROW
         PATTERN (TEMP_DOWN{5})
         DEFINE
             TEMP_DOWN AS
                 LAST(TEMP_DOWN.temperature, 1) IS NULL OR TEMP_DOWN.temperature < LAST(TEMP_DOWN.temperature, 1)
     ) MR);
-- expect stdout (unordered):
--| abc> +I[0, 55.0, 2023-04-03T02:00, 50.0, 2023-04-03T02:00:03, 52.0, 2023-04-03T02:00:06]
--| up> +I[1, 2023-04-03T02:00:01, 40.0, 2023-04-03T02:00:13, 47.0]
--| either> +I[1, 2023-04-03T02:00:01, 40.0, 2023-04-03T02:00:13, 47.0]
--| either> +I[2, 2023-04-03T02:00:02, 59.0, 2023-04-03T02:00:14, 53.0]
