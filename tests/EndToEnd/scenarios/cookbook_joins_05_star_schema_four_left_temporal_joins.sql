-- scenario: ververica/flink-sql-cookbook joins/05_star_schema: the fact table LEFT JOINed FOR SYSTEM_TIME AS OF actual_departure_date with three versioned dimension tables (stations twice), files with primary keys and watermarks in place of kafka/upsert-kafka; each fact takes every dimension's version at its time, NULLs where a key has none. The recipe's stray ';' after the first join is left out (it ends the statement there in Flink too). Expected rows derived by hand from Flink's documented semantics
-- file: input/passengers.csv
--| p1,Booker,Hackett,2020-12-19 13:50:00
--| p2,Jeramy,Breitenberg,2020-12-19 13:50:00
--| p1,Booker,Smith,2020-12-19 13:55:00
-- file: input/stations.csv
--| s1,2020-12-19 13:50:00,Harlandport
--| s2,2020-12-19 13:50:00,Tillmanhaven
--| s2,2020-12-19 13:56:00,West Sandytown
-- file: input/channels.csv
--| 0,2020-12-19 13:50:00,station
--| 1,2020-12-19 13:50:00,app
--| 1,2020-12-19 13:57:00,joyn
-- file: input/train.csv
--| 2020-12-19 13:52:37,2020-12-19 13:52:16,p1,s1,s2,1
--| 2020-12-19 13:56:38,2020-12-19 13:56:23,p1,s2,s1,0
--| 2020-12-19 13:58:46,2020-12-19 13:58:18,p2,s2,s3,1
--| 2020-12-19 13:58:50,2020-12-19 13:58:19,p9,s1,s2,5
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY TABLE passengers (
  passenger_key STRING, 
  first_name STRING, 
  last_name STRING,
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time - INTERVAL '10' SECONDS,
  PRIMARY KEY (passenger_key) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/passengers.csv', 'format' = 'csv');

CREATE TEMPORARY TABLE stations (
  station_key STRING, 
  update_time TIMESTAMP(3),
  city STRING,
  WATERMARK FOR update_time AS update_time - INTERVAL '10' SECONDS,
  PRIMARY KEY (station_key) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/stations.csv', 'format' = 'csv');

CREATE TEMPORARY TABLE booking_channels (
  booking_channel_key STRING, 
  update_time TIMESTAMP(3),
  channel STRING,
  WATERMARK FOR update_time AS update_time - INTERVAL '10' SECONDS,
  PRIMARY KEY (booking_channel_key) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/channels.csv', 'format' = 'csv');

CREATE TEMPORARY TABLE train_activities (
  scheduled_departure_time TIMESTAMP(3),
  actual_departure_date TIMESTAMP(3),
  passenger_key STRING, 
  origin_station_key STRING, 
  destination_station_key STRING,
  booking_channel_key STRING,
  WATERMARK FOR actual_departure_date AS actual_departure_date - INTERVAL '10' SECONDS
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/train.csv', 'format' = 'csv');
CREATE TABLE o1 (actual_departure_date TIMESTAMP(3), first_name STRING, last_name STRING, channel STRING, origin_station STRING, destination_station STRING) WITH ('connector'='print');
INSERT INTO o1
SELECT 
  t.actual_departure_date, 
  p.first_name,
  p.last_name,
  b.channel, 
  os.city AS origin_station,
  ds.city AS destination_station
FROM train_activities t
LEFT JOIN booking_channels FOR SYSTEM_TIME AS OF t.actual_departure_date AS b 
ON t.booking_channel_key = b.booking_channel_key
LEFT JOIN passengers FOR SYSTEM_TIME AS OF t.actual_departure_date AS p
ON t.passenger_key = p.passenger_key
LEFT JOIN stations FOR SYSTEM_TIME AS OF t.actual_departure_date AS os
ON t.origin_station_key = os.station_key
LEFT JOIN stations FOR SYSTEM_TIME AS OF t.actual_departure_date AS ds
ON t.destination_station_key = ds.station_key;
-- expect stdout (unordered):
--| +I[2020-12-19T13:52:16, Booker, Hackett, app, Harlandport, Tillmanhaven]
--| +I[2020-12-19T13:56:23, Booker, Smith, station, West Sandytown, Harlandport]
--| +I[2020-12-19T13:58:18, Jeramy, Breitenberg, joyn, West Sandytown, null]
--| +I[2020-12-19T13:58:19, null, null, null, Harlandport, West Sandytown]
