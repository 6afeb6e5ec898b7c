-- scenario: ververica/flink-sql-cookbook joins/06_lateral_join: a CurrentPopulation view (COUNT(*) per city and state over ROW_NUMBER() OVER (PARTITION BY id ORDER BY arrival_time DESC) = 1, so a person moving retracts the old city) and (SELECT DISTINCT state ...) States, LATERAL (... WHERE state = States.state ORDER BY population DESC LIMIT 2), which Flink rewrites to a Top-2 per state (CorrelateSortToRankRule). Over an updating COUNT the rank is Flink's RetractableTopNFunction without a row number: a row entering pushes the third out (-D, then +I), a retracted row leaves (-D) and the third moves in (+I). Expected changelog: a simulation of Flink's rowtime deduplication, GroupAggFunction and RetractableTopNFunction (emitRecordsWithoutRowNumber / retractRecordWithoutRowNumber) over the file, at parallelism 1
-- file: input/people.csv
--| 1,Newmouth,New York,2020-12-19 10:00:00
--| 2,Newburgh,New York,2020-12-19 10:00:01
--| 3,Newmouth,New York,2020-12-19 10:00:02
--| 4,Portport,Illinois,2020-12-19 10:00:03
--| 5,Springfield,Illinois,2020-12-19 10:00:04
--| 6,Southfort,New York,2020-12-19 10:00:05
--| 2,Portport,Illinois,2020-12-19 10:00:06
--| 7,Springfield,Illinois,2020-12-19 10:00:07
--| 1,Southfort,New York,2020-12-19 10:00:08
--| 8,Southfort,New York,2020-12-19 10:00:09
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE People (
    id           INT,
    city         STRING,
    state        STRING,
    arrival_time TIMESTAMP(3),
    WATERMARK FOR arrival_time AS arrival_time - INTERVAL '1' MINUTE 
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/people.csv', 'format' = 'csv');

CREATE TEMPORARY VIEW CurrentPopulation AS
SELECT 
    city,
    state,
    COUNT(*) as population
FROM (
    SELECT
        city,
        state,
        ROW_NUMBER() OVER (PARTITION BY id ORDER BY arrival_time DESC) AS rownum
    FROM People
)
WHERE rownum = 1
GROUP BY city, state;
CREATE TABLE o1 (state STRING, city STRING, population BIGINT) WITH ('connector'='print');
INSERT INTO o1
SELECT
    state,
    city,
    population
FROM 
    (SELECT DISTINCT state FROM CurrentPopulation) States,
    LATERAL (
        SELECT city, population
        FROM CurrentPopulation
        WHERE state = States.state
        ORDER BY population DESC
        LIMIT 2
);
-- expect stdout (ordered):
--| +I[New York, Newmouth, 1]
--| +I[New York, Newburgh, 1]
--| -D[New York, Newmouth, 1]
--| +I[New York, Newmouth, 2]
--| +I[Illinois, Portport, 1]
--| +I[Illinois, Springfield, 1]
--| -D[New York, Newburgh, 1]
--| +I[New York, Southfort, 1]
--| -D[Illinois, Portport, 1]
--| +I[Illinois, Portport, 2]
--| -D[Illinois, Springfield, 1]
--| +I[Illinois, Springfield, 2]
--| -D[New York, Newmouth, 2]
--| +I[New York, Newmouth, 1]
--| -D[New York, Southfort, 1]
--| +I[New York, Southfort, 2]
--| -D[New York, Southfort, 2]
--| +I[New York, Southfort, 3]
