-- scenario: confluentinc/tutorials top-N (Flink SQL): the three most viewed movies per genre (ROW_NUMBER() OVER (PARTITION BY genre ORDER BY num_views DESC), category_rank <= 3, the rank selected) over the tutorial's twenty movies (a csv file in place of kafka, a print sink for the SELECT). The input is insert-only, so Flink runs AppendOnlyTopNFunction with row numbers: a movie entering at rank r updates every rank from r down (-U of the row there, +U of the one moving in) and inserts the last moved row at the next rank while the top is not full; a movie below a full top emits nothing. Expected changelog computed by following AppendOnlyTopNFunction.processElementWithRowNumber; its end state is the tutorial's seventeen rows
-- file: input/movie_views.csv
--| 123,The Dark Knight,Action,100240
--| 456,Avengers: Endgame,Action,200010
--| 789,Inception,Sci-Fi,150000
--| 147,Joker,Drama,120304
--| 258,The Godfather,Drama,300202
--| 369,Casablanca,Romance,400400
--| 321,The Shawshank Redemption,Drama,500056
--| 654,Forrest Gump,Drama,350345
--| 987,Fight Club,Drama,250250
--| 135,Pulp Fiction,Crime,160160
--| 246,The Godfather: Part II,Crime,170170
--| 357,The Departed,Crime,180180
--| 842,Toy Story 3,Animation,190190
--| 931,Up,Animation,200200
--| 624,The Lion King,Animation,210210
--| 512,Star Wars: The Force Awakens,Sci-Fi,220220
--| 678,The Matrix,Sci-Fi,230230
--| 753,Interstellar,Sci-Fi,240240
--| 834,Titanic,Romance,250250
--| 675,Pride and Prejudice,Romance,260260
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE movie_views (
    id INT,
    title STRING,
    genre STRING,
    num_views BIGINT
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/movie_views.csv', 'format' = 'csv');
CREATE TABLE top_movies (title STRING, genre STRING, num_views BIGINT, category_rank BIGINT) WITH ('connector' = 'print');
INSERT INTO top_movies
SELECT title, genre, num_views, category_rank
FROM (
       SELECT *,
              ROW_NUMBER() OVER (PARTITION BY genre ORDER BY num_views DESC) as category_rank
       FROM movie_views
     )
WHERE category_rank <= 3;
-- expect stdout (ordered):
--| +I[The Dark Knight, Action, 100240, 1]
--| -U[The Dark Knight, Action, 100240, 1]
--| +U[Avengers: Endgame, Action, 200010, 1]
--| +I[The Dark Knight, Action, 100240, 2]
--| +I[Inception, Sci-Fi, 150000, 1]
--| +I[Joker, Drama, 120304, 1]
--| -U[Joker, Drama, 120304, 1]
--| +U[The Godfather, Drama, 300202, 1]
--| +I[Joker, Drama, 120304, 2]
--| +I[Casablanca, Romance, 400400, 1]
--| -U[The Godfather, Drama, 300202, 1]
--| +U[The Shawshank Redemption, Drama, 500056, 1]
--| -U[Joker, Drama, 120304, 2]
--| +U[The Godfather, Drama, 300202, 2]
--| +I[Joker, Drama, 120304, 3]
--| -U[The Godfather, Drama, 300202, 2]
--| +U[Forrest Gump, Drama, 350345, 2]
--| -U[Joker, Drama, 120304, 3]
--| +U[The Godfather, Drama, 300202, 3]
--| +I[Pulp Fiction, Crime, 160160, 1]
--| -U[Pulp Fiction, Crime, 160160, 1]
--| +U[The Godfather: Part II, Crime, 170170, 1]
--| +I[Pulp Fiction, Crime, 160160, 2]
--| -U[The Godfather: Part II, Crime, 170170, 1]
--| +U[The Departed, Crime, 180180, 1]
--| -U[Pulp Fiction, Crime, 160160, 2]
--| +U[The Godfather: Part II, Crime, 170170, 2]
--| +I[Pulp Fiction, Crime, 160160, 3]
--| +I[Toy Story 3, Animation, 190190, 1]
--| -U[Toy Story 3, Animation, 190190, 1]
--| +U[Up, Animation, 200200, 1]
--| +I[Toy Story 3, Animation, 190190, 2]
--| -U[Up, Animation, 200200, 1]
--| +U[The Lion King, Animation, 210210, 1]
--| -U[Toy Story 3, Animation, 190190, 2]
--| +U[Up, Animation, 200200, 2]
--| +I[Toy Story 3, Animation, 190190, 3]
--| -U[Inception, Sci-Fi, 150000, 1]
--| +U[Star Wars: The Force Awakens, Sci-Fi, 220220, 1]
--| +I[Inception, Sci-Fi, 150000, 2]
--| -U[Star Wars: The Force Awakens, Sci-Fi, 220220, 1]
--| +U[The Matrix, Sci-Fi, 230230, 1]
--| -U[Inception, Sci-Fi, 150000, 2]
--| +U[Star Wars: The Force Awakens, Sci-Fi, 220220, 2]
--| +I[Inception, Sci-Fi, 150000, 3]
--| -U[The Matrix, Sci-Fi, 230230, 1]
--| +U[Interstellar, Sci-Fi, 240240, 1]
--| -U[Star Wars: The Force Awakens, Sci-Fi, 220220, 2]
--| +U[The Matrix, Sci-Fi, 230230, 2]
--| -U[Inception, Sci-Fi, 150000, 3]
--| +U[Star Wars: The Force Awakens, Sci-Fi, 220220, 3]
--| +I[Titanic, Romance, 250250, 2]
--| -U[Titanic, Romance, 250250, 2]
--| +U[Pride and Prejudice, Romance, 260260, 2]
--| +I[Titanic, Romance, 250250, 3]
