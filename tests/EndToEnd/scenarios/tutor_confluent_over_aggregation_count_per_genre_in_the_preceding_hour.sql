-- scenario: confluentinc/tutorials over-aggregations (Flink SQL): COUNT(*) OVER (PARTITION BY genre ORDER BY movie_start RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) over the tutorial's twenty-one movie starts in its (out of time) order, a csv file in place of kafka. The file is read before the first periodic watermark, so no row is late and each partition is counted in time order, the hour bound inclusive (Inception at 20:24 still counts The Matrix at 19:25). Expected rows: the tutorial's output
-- file: input/movie_views.csv
--| 123,The Dark Knight,Action,2024-04-23 19:04:00
--| 456,Avengers: Endgame,Action,2024-04-23 22:01:00
--| 789,Inception,Sci-Fi,2024-04-23 20:24:00
--| 147,Joker,Drama,2024-04-23 22:56:00
--| 258,The Godfather,Crime,2024-04-23 19:13:00
--| 369,Casablanca,Romance,2024-04-23 20:26:00
--| 321,The Shawshank Redemption,Drama,2024-04-23 20:20:00
--| 654,Forrest Gump,Drama,2024-04-23 21:54:00
--| 987,Fight Club,Drama,2024-04-23 23:24:00
--| 135,Pulp Fiction,Crime,2024-04-23 22:09:00
--| 246,The Godfather: Part II,Crime,2024-04-23 19:28:00
--| 357,The Departed,Crime,2024-04-23 23:11:00
--| 842,Toy Story 3,Animation,2024-04-23 23:12:00
--| 931,Up,Animation,2024-04-23 22:17:00
--| 624,The Lion King,Animation,2024-04-23 22:28:00
--| 512,Star Wars: The Force Awakens,Sci-Fi,2024-04-23 20:42:00
--| 678,The Matrix,Sci-Fi,2024-04-23 19:25:00
--| 753,Interstellar,Sci-Fi,2024-04-23 20:14:00
--| 834,Titanic,Romance,2024-04-23 20:25:00
--| 675,Pride and Prejudice,Romance,2024-04-23 23:37:00
--| 333,The Pride of Archbishop Carroll,History,2024-04-24 03:37:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE movie_views (
          id INT,
          title STRING,
          genre STRING,
          movie_start TIMESTAMP(3),
          WATERMARK FOR movie_start as movie_start
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/movie_views.csv', 'format' = 'csv');
CREATE TABLE genre_counts (title STRING, genre STRING, movie_start TIMESTAMP(3), genre_count BIGINT) WITH ('connector' = 'print');
INSERT INTO genre_counts
SELECT title, genre, movie_start, COUNT(*)
  OVER (
    PARTITION BY genre
    ORDER BY movie_start
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
    ) AS genre_count
FROM movie_views;
-- expect stdout (unordered):
--| +I[The Dark Knight, Action, 2024-04-23T19:04, 1]
--| +I[The Godfather, Crime, 2024-04-23T19:13, 1]
--| +I[The Matrix, Sci-Fi, 2024-04-23T19:25, 1]
--| +I[The Godfather: Part II, Crime, 2024-04-23T19:28, 2]
--| +I[Interstellar, Sci-Fi, 2024-04-23T20:14, 2]
--| +I[The Shawshank Redemption, Drama, 2024-04-23T20:20, 1]
--| +I[Inception, Sci-Fi, 2024-04-23T20:24, 3]
--| +I[Titanic, Romance, 2024-04-23T20:25, 1]
--| +I[Casablanca, Romance, 2024-04-23T20:26, 2]
--| +I[Star Wars: The Force Awakens, Sci-Fi, 2024-04-23T20:42, 3]
--| +I[Forrest Gump, Drama, 2024-04-23T21:54, 1]
--| +I[Avengers: Endgame, Action, 2024-04-23T22:01, 1]
--| +I[Pulp Fiction, Crime, 2024-04-23T22:09, 1]
--| +I[Up, Animation, 2024-04-23T22:17, 1]
--| +I[The Lion King, Animation, 2024-04-23T22:28, 2]
--| +I[Joker, Drama, 2024-04-23T22:56, 1]
--| +I[The Departed, Crime, 2024-04-23T23:11, 1]
--| +I[Toy Story 3, Animation, 2024-04-23T23:12, 3]
--| +I[Fight Club, Drama, 2024-04-23T23:24, 2]
--| +I[Pride and Prejudice, Romance, 2024-04-23T23:37, 1]
--| +I[The Pride of Archbishop Carroll, History, 2024-04-24T03:37, 1]
