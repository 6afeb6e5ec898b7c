-- scenario: ververica/sql-training, "Joining Dynamic Tables": each ride's duration from a self interval join of its start and end events (s.rideId = e.rideId AND s.isStart AND NOT e.isStart AND e.rideTime BETWEEN s.rideTime AND s.rideTime + INTERVAL '2' HOUR, TIMESTAMPDIFF(MINUTE, ...) truncating 4.5 minutes to 4), and the average tip per hour of the rides' end: Rides interval-joined with Fares (f.payTime BETWEEN r.rideTime - INTERVAL '5' MINUTE AND r.rideTime) then a legacy TUMBLE on the ride's rowtime, which stays a time attribute after the interval join; AVG of the FLOAT tips (8.25 / 4 and 4.5 / 2). Both json files as the training's DDLs declare them. Expected rows computed by hand from the files
-- file: input/rides.json
--| {"rideId": 1, "taxiId": 1001, "isStart": true, "lon": -73.99, "lat": 40.75, "psgCnt": 1, "eventTime": "2013-01-01T00:00:00Z"}
--| {"rideId": 2, "taxiId": 1002, "isStart": true, "lon": -73.98, "lat": 40.76, "psgCnt": 2, "eventTime": "2013-01-01T00:03:00Z"}
--| {"rideId": 3, "taxiId": 1003, "isStart": true, "lon": -73.87, "lat": 40.77, "psgCnt": 1, "eventTime": "2013-01-01T00:06:00Z"}
--| {"rideId": 2, "taxiId": 1002, "isStart": false, "lon": -73.95, "lat": 40.78, "psgCnt": 2, "eventTime": "2013-01-01T00:07:30Z"}
--| {"rideId": 1, "taxiId": 1001, "isStart": false, "lon": -73.97, "lat": 40.72, "psgCnt": 1, "eventTime": "2013-01-01T00:12:00Z"}
--| {"rideId": 4, "taxiId": 1001, "isStart": true, "lon": -73.97, "lat": 40.72, "psgCnt": 3, "eventTime": "2013-01-01T00:15:00Z"}
--| {"rideId": 4, "taxiId": 1001, "isStart": false, "lon": -74.0, "lat": 40.71, "psgCnt": 3, "eventTime": "2013-01-01T00:21:00Z"}
--| {"rideId": 3, "taxiId": 1003, "isStart": false, "lon": -73.99, "lat": 40.74, "psgCnt": 1, "eventTime": "2013-01-01T00:31:00Z"}
--| {"rideId": 5, "taxiId": 1002, "isStart": true, "lon": -73.96, "lat": 40.8, "psgCnt": 2, "eventTime": "2013-01-01T00:58:00Z"}
--| {"rideId": 6, "taxiId": 1004, "isStart": true, "lon": -73.99, "lat": 40.73, "psgCnt": 1, "eventTime": "2013-01-01T01:02:00Z"}
--| {"rideId": 6, "taxiId": 1004, "isStart": false, "lon": -73.98, "lat": 40.74, "psgCnt": 1, "eventTime": "2013-01-01T01:04:00Z"}
--| {"rideId": 5, "taxiId": 1002, "isStart": false, "lon": -73.78, "lat": 40.64, "psgCnt": 2, "eventTime": "2013-01-01T01:09:00Z"}
-- file: input/fares.json
--| {"rideId": 2, "payMethod": "CSH", "tip": 1.5, "toll": 0.0, "fare": 6.5, "eventTime": "2013-01-01T00:07:30Z"}
--| {"rideId": 1, "payMethod": "CRD", "tip": 2.0, "toll": 0.0, "fare": 11.0, "eventTime": "2013-01-01T00:12:00Z"}
--| {"rideId": 4, "payMethod": "CRD", "tip": 0.5, "toll": 0.0, "fare": 7.0, "eventTime": "2013-01-01T00:21:00Z"}
--| {"rideId": 3, "payMethod": "CRD", "tip": 4.25, "toll": 5.33, "fare": 24.5, "eventTime": "2013-01-01T00:31:00Z"}
--| {"rideId": 6, "payMethod": "CSH", "tip": 1.0, "toll": 0.0, "fare": 4.5, "eventTime": "2013-01-01T01:04:00Z"}
--| {"rideId": 5, "payMethod": "CRD", "tip": 3.5, "toll": 5.33, "fare": 30.0, "eventTime": "2013-01-01T01:09:00Z"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Rides (
  rideId INT,
  taxiId INT,
  isStart BOOLEAN,
  lon FLOAT,
  lat FLOAT,
  psgCnt INT,
  eventTime STRING,
  rideTime AS TO_TIMESTAMP(eventTime, 'yyyy-MM-dd''T''HH:mm:ss''Z'''),
  WATERMARK FOR rideTime AS rideTime - INTERVAL '60' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRATCH}/input/rides.json',
  'format' = 'json'
);
CREATE TABLE Fares (
  rideId INT,
  payMethod STRING,
  tip FLOAT,
  toll FLOAT,
  fare FLOAT,
  eventTime STRING,
  payTime AS TO_TIMESTAMP(eventTime, 'yyyy-MM-dd''T''HH:mm:ss''Z'''),
  WATERMARK FOR payTime AS payTime - INTERVAL '60' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRATCH}/input/fares.json',
  'format' = 'json'
);
CREATE TABLE ride_durations (rideId INT, taxiId INT, durationMin INT) WITH ('connector' = 'print', 'print-identifier' = 'duration');
INSERT INTO ride_durations
SELECT s.rideId, s.taxiId, TIMESTAMPDIFF(MINUTE, s.rideTime, e.rideTime) AS durationMin
FROM Rides s, Rides e
WHERE s.rideId = e.rideId AND s.isStart AND NOT e.isStart
  AND e.rideTime BETWEEN s.rideTime AND s.rideTime + INTERVAL '2' HOUR;
CREATE TABLE hourly_tips (hourStart TIMESTAMP(3), avgTip FLOAT, cnt BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'tips');
INSERT INTO hourly_tips
SELECT TUMBLE_START(r.rideTime, INTERVAL '1' HOUR) AS hourStart, AVG(f.tip) AS avgTip, COUNT(*) AS cnt
FROM Rides r, Fares f
WHERE r.rideId = f.rideId AND NOT r.isStart
  AND f.payTime BETWEEN r.rideTime - INTERVAL '5' MINUTE AND r.rideTime
GROUP BY TUMBLE(r.rideTime, INTERVAL '1' HOUR);
-- expect stdout (unordered):
--| duration> +I[1, 1001, 12]
--| duration> +I[2, 1002, 4]
--| duration> +I[3, 1003, 25]
--| duration> +I[4, 1001, 6]
--| duration> +I[5, 1002, 11]
--| duration> +I[6, 1004, 2]
--| tips> +I[2013-01-01T00:00, 2.0625, 4]
--| tips> +I[2013-01-01T01:00, 2.25, 2]
