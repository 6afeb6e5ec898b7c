-- scenario: confluentinc/tutorials aggregating-count (Flink SQL): COUNT(total_ticket_value) per title over the tutorial's ten ticket sales, the kafka table swapped for a csv file and the SELECT for an INSERT into a print sink. Expected: the changelog the tutorial's own Flink test (FlinkSqlAggregatingCountTest) asserts, row for row in order (one subtask: +I for a new title, -U/+U for each further sale)
-- file: input/movie_ticket_sales.csv
--| Aliens,2019-07-18T10:00:00Z,10
--| Die Hard,2019-07-18T10:00:00Z,12
--| Die Hard,2019-07-18T10:01:00Z,12
--| The Godfather,2019-07-18T10:01:31Z,12
--| Die Hard,2019-07-18T10:01:36Z,24
--| The Godfather,2019-07-18T10:02:00Z,18
--| The Big Lebowski,2019-07-18T11:03:21Z,12
--| The Big Lebowski,2019-07-18T11:03:50Z,12
--| The Godfather,2019-07-18T11:40:00Z,36
--| The Godfather,2019-07-18T11:40:09Z,18
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE movie_ticket_sales (
    title STRING,
    sales_ts STRING,
    total_ticket_value INT
) WITH (
    'connector' = 'filesystem',
    'path' = '${SCRATCH}/input/movie_ticket_sales.csv',
    'format' = 'csv'
);
CREATE TABLE tickets_sold_by_title (title STRING, tickets_sold BIGINT) WITH ('connector' = 'print');
INSERT INTO tickets_sold_by_title
SELECT title,
       COUNT(total_ticket_value) AS tickets_sold
FROM movie_ticket_sales
GROUP BY title;
-- expect stdout (ordered):
--| +I[Aliens, 1]
--| +I[Die Hard, 1]
--| -U[Die Hard, 1]
--| +U[Die Hard, 2]
--| +I[The Godfather, 1]
--| -U[Die Hard, 2]
--| +U[Die Hard, 3]
--| -U[The Godfather, 1]
--| +U[The Godfather, 2]
--| +I[The Big Lebowski, 1]
--| -U[The Big Lebowski, 1]
--| +U[The Big Lebowski, 2]
--| -U[The Godfather, 2]
--| +U[The Godfather, 3]
--| -U[The Godfather, 3]
--| +U[The Godfather, 4]
