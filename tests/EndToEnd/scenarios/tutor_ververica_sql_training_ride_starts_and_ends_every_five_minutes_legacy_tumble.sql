-- scenario: ververica/sql-training, "Queries and Time": ride starts and ends every 5 minutes, TUMBLE_END(rideTime, INTERVAL '5' MINUTE) with isStart and COUNT(*) over a legacy GROUP BY TUMBLE(rideTime, ...), isStart, over the training's Rides DDL (TO_TIMESTAMP of the ISO text with quoted T and Z, 60 s watermark) read from a json file. Windows without rows give none (00:25-00:30, 00:35-00:55); the file's end fires the last ones. Expected rows counted by hand from the file
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
CREATE TABLE ride_stats (t TIMESTAMP(3), isStart BOOLEAN, cnt BIGINT) WITH ('connector' = 'print');
INSERT INTO ride_stats
SELECT TUMBLE_END(rideTime, INTERVAL '5' MINUTE) AS t, isStart, COUNT(*) AS cnt
FROM Rides
GROUP BY TUMBLE(rideTime, INTERVAL '5' MINUTE), isStart;
-- expect stdout (unordered):
--| +I[2013-01-01T00:05, true, 2]
--| +I[2013-01-01T00:10, true, 1]
--| +I[2013-01-01T00:10, false, 1]
--| +I[2013-01-01T00:15, false, 1]
--| +I[2013-01-01T00:20, true, 1]
--| +I[2013-01-01T00:25, false, 1]
--| +I[2013-01-01T00:35, false, 1]
--| +I[2013-01-01T01:00, true, 1]
--| +I[2013-01-01T01:05, true, 1]
--| +I[2013-01-01T01:05, false, 1]
--| +I[2013-01-01T01:10, false, 1]
