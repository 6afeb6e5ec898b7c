-- scenario: ververica/sql-training, "Pattern Matching with MATCH_RECOGNIZE": per taxi, a ride's start followed directly by its own end more than 10 minutes later (PATTERN (S E), DEFINE S AS S.isStart, E AS NOT E.isStart AND E.rideId = S.rideId AND E.rideTime > S.rideTime + INTERVAL '10' MINUTE, ordered by the computed rowtime), MEASURES the ride id and both times. Ride 2 (4.5 minutes), 4 and 6 are too short: their start's match attempt dies at the end event, which cannot start a match. Expected rows from the file by hand
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
CREATE TABLE long_rides (taxiId INT, rideId INT, startTime TIMESTAMP(3), endTime TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO long_rides
SELECT *
FROM Rides
MATCH_RECOGNIZE (
  PARTITION BY taxiId
  ORDER BY rideTime
  MEASURES
    S.rideId AS rideId,
    S.rideTime AS startTime,
    E.rideTime AS endTime
  ONE ROW PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (S E)
  DEFINE
    S AS S.isStart,
    E AS NOT E.isStart AND E.rideId = S.rideId AND E.rideTime > S.rideTime + INTERVAL '10' MINUTE
);
-- expect stdout (unordered):
--| +I[1001, 1, 2013-01-01T00:00, 2013-01-01T00:12]
--| +I[1003, 3, 2013-01-01T00:06, 2013-01-01T00:31]
--| +I[1002, 5, 2013-01-01T00:58, 2013-01-01T01:09]
