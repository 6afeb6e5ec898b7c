-- scenario: confluentinc/tutorials windowed-top-N (Flink SQL): the top genre per 1 h TUMBLE window (ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY category_count DESC) over a window COUNT(*) per genre, hour_rank = 1) of the tutorial's eighteen movie starts in its order (a csv file for kafka; no row is late: the file is read before the first periodic watermark). Each window's top count is unique. The file ends, so the 2024-04-24 03:00 window the tutorial's topic leaves open fires too. Expected rows from the tutorial's output plus that window, checked by hand
-- file: input/movie_views.csv
--| 123,The Dark Knight,Action,2024-04-23 19:04:00
--| 456,Avengers: Endgame,Action,2024-04-23 22:01:00
--| 789,Inception,Sci-Fi,2024-04-23 20:24:00
--| 147,Joker,Drama,2024-04-23 22:56:00
--| 258,The Godfather,Crime,2024-04-23 19:13:00
--| 369,Casablanca,Romance,2024-04-23 20:26:00
--| 321,The Shawshank Redemption,Drama,2024-04-23 20:20:00
--| 654,Forrest Gump,Drama,2024-04-23 21:54:00
--| 135,Pulp Fiction,Crime,2024-04-23 22:09:00
--| 246,The Godfather: Part II,Crime,2024-04-23 19:28:00
--| 842,Toy Story 3,Animation,2024-04-23 23:12:00
--| 931,Up,Animation,2024-04-23 22:17:00
--| 624,The Lion King,Animation,2024-04-23 22:28:00
--| 512,Star Wars: The Force Awakens,Sci-Fi,2024-04-23 20:42:00
--| 678,The Matrix,Sci-Fi,2024-04-23 19:25:00
--| 753,Interstellar,Sci-Fi,2024-04-23 20:14:00
--| 834,Titanic,Romance,2024-04-23 20:25:00
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
CREATE TABLE top_genre_per_hour (window_start TIMESTAMP(3), window_end TIMESTAMP(3), genre STRING, category_count BIGINT, hour_rank BIGINT) WITH ('connector' = 'print');
INSERT INTO top_genre_per_hour
SELECT  *
FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY category_count DESC ) as hour_rank
    FROM (
        SELECT window_start, window_end, genre, COUNT(*) as category_count
        FROM TABLE(TUMBLE(TABLE movie_views, DESCRIPTOR(movie_start), INTERVAL '1' HOUR))
        GROUP BY window_start, window_end, genre
    )
) WHERE hour_rank = 1 ;
-- expect stdout (unordered):
--| +I[2024-04-23T19:00, 2024-04-23T20:00, Crime, 2, 1]
--| +I[2024-04-23T20:00, 2024-04-23T21:00, Sci-Fi, 3, 1]
--| +I[2024-04-23T21:00, 2024-04-23T22:00, Drama, 1, 1]
--| +I[2024-04-23T22:00, 2024-04-23T23:00, Animation, 2, 1]
--| +I[2024-04-23T23:00, 2024-04-24T00:00, Animation, 1, 1]
--| +I[2024-04-24T03:00, 2024-04-24T04:00, History, 1, 1]
