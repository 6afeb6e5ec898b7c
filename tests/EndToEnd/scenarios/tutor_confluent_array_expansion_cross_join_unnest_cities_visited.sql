-- scenario: confluentinc/tutorials array-expansion (Flink SQL): CROSS JOIN UNNEST(cities_visited) AS city over the tutorial's three travelers (a json file for the kafka topic, the ARRAY<STRING> column as a JSON array). Expected rows: the tutorial's output
-- file: input/traveler_locations.json
--| {"traveler_id": 0, "traveler_name": "Jane Smith", "cities_visited": ["Rome", "Paris"]}
--| {"traveler_id": 1, "traveler_name": "Xander Jackson", "cities_visited": ["Berlin", "Paris"]}
--| {"traveler_id": 2, "traveler_name": "Sally Stewart", "cities_visited": ["Lisbon"]}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE traveler_locations (
    traveler_id INT,
    traveler_name STRING,
    cities_visited ARRAY<STRING>
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/traveler_locations.json', 'format' = 'json');
CREATE TABLE traveler_cities (traveler_name STRING, city STRING) WITH ('connector' = 'print');
INSERT INTO traveler_cities
SELECT
    traveler_name,
    city
FROM traveler_locations
CROSS JOIN UNNEST(cities_visited) AS city;
-- expect stdout (ordered):
--| +I[Jane Smith, Rome]
--| +I[Jane Smith, Paris]
--| +I[Xander Jackson, Berlin]
--| +I[Xander Jackson, Paris]
--| +I[Sally Stewart, Lisbon]
