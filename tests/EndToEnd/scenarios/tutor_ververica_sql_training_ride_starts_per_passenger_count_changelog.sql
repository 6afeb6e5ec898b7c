-- scenario: ververica/sql-training (Apache Flink SQL Training), "Querying Dynamic Tables": the number of ride starts per passenger count (GROUP BY psgCnt; the exercise's isInNYC UDF filter is a Java function and is left out), over the training's Rides table as its DDL declares it (computed rowtime TO_TIMESTAMP(eventTime, 'yyyy-MM-dd''T''HH:mm:ss''Z''') with a 60 s watermark; a json file of twelve ride events in place of the kafka topic). Expected changelog computed by replaying the file's start events in order
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
CREATE TABLE ride_counts (psgCnt INT, cnt BIGINT) WITH ('connector' = 'print');
INSERT INTO ride_counts
SELECT psgCnt, COUNT(*) AS cnt
FROM Rides
WHERE isStart
GROUP BY psgCnt;
-- expect stdout (ordered):
--| +I[1, 1]
--| +I[2, 1]
--| -U[1, 1]
--| +U[1, 2]
--| +I[3, 1]
--| -U[2, 1]
--| +U[2, 2]
--| -U[1, 2]
--| +U[1, 3]
