-- scenario: confluentinc/tutorials aggregating-minmax (Flink SQL): MIN and MAX of total_sales per release_year over the tutorial's ten movies (a csv file in place of the kafka topic, a print sink in place of the SELECT). Expected changelog derived from Flink's GroupAggFunction: +I for a year's first movie, -U/+U when MIN or MAX moves, and nothing for the last movie (2017, 517218368), which leaves both unchanged (no state TTL, so an equal result is not re-emitted); the final rows are the tutorial's (2017: 412563408/517218368, 2018: 324512774/700059566, 2019: 385082142/856980506)
-- file: input/movie_sales.csv
--| 0,Avengers: Endgame,2019,856980506
--| 1,Captain Marvel,2019,426829839
--| 2,Toy Story 4,2019,401486230
--| 3,The Lion King,2019,385082142
--| 4,Black Panther,2018,700059566
--| 5,Avengers: Infinity War,2018,678815482
--| 6,Deadpool 2,2018,324512774
--| 7,Beauty and the Beast,2017,517218368
--| 8,Wonder Woman,2017,412563408
--| 9,Star Wars Ep. VIII: The Last Jedi,2017,517218368
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE movie_sales (
    id INT,
    title STRING,
    release_year INT,
    total_sales INT
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/movie_sales.csv', 'format' = 'csv');
CREATE TABLE movie_sales_by_year (release_year INT, min_total_sales INT, max_total_sales INT) WITH ('connector' = 'print');
INSERT INTO movie_sales_by_year
SELECT
    release_year,
    MIN(total_sales) AS min_total_sales,
    MAX(total_sales) AS max_total_sales
FROM movie_sales
GROUP BY release_year;
-- expect stdout (ordered):
--| +I[2019, 856980506, 856980506]
--| -U[2019, 856980506, 856980506]
--| +U[2019, 426829839, 856980506]
--| -U[2019, 426829839, 856980506]
--| +U[2019, 401486230, 856980506]
--| -U[2019, 401486230, 856980506]
--| +U[2019, 385082142, 856980506]
--| +I[2018, 700059566, 700059566]
--| -U[2018, 700059566, 700059566]
--| +U[2018, 678815482, 700059566]
--| -U[2018, 678815482, 700059566]
--| +U[2018, 324512774, 700059566]
--| +I[2017, 517218368, 517218368]
--| -U[2017, 517218368, 517218368]
--| +U[2017, 412563408, 517218368]
