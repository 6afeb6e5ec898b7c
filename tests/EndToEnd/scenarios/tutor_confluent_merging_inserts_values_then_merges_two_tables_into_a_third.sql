-- scenario: confluentinc/tutorials merging (Flink SQL) as a whole script: the tutorial's rock_songs and classical_songs tables (filesystem csv directories in place of the kafka topics) filled by its INSERT ... VALUES statements, then all_songs filled by its two INSERT ... SELECT artist, title, 'rock' AS genre (and 'classical'), each job finishing before the next ('table.dml-sync'), and all_songs read back into a print sink (for the tutorial's SELECT * FROM all_songs). Expected rows: the tutorial's output
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE rock_songs (
    artist STRING,
    title STRING
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/rock_songs', 'format' = 'csv');
INSERT INTO rock_songs VALUES
    ('Metallica', 'Fade to Black'),
    ('Smashing Pumpkins', 'Today'),
    ('Pink Floyd', 'Another Brick in the Wall'),
    ('Van Halen', 'Jump'),
    ('Led Zeppelin', 'Kashmir');
CREATE TABLE classical_songs (
    artist STRING,
    title STRING
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/classical_songs', 'format' = 'csv');
INSERT INTO classical_songs VALUES
    ('Wolfgang Amadeus Mozart', 'The Magic Flute'),
    ('Johann Pachelbel', 'Canon'),
    ('Ludwig van Beethoven', 'Symphony No. 5'),
    ('Edward Elgar', 'Pomp and Circumstance');
CREATE TABLE all_songs (
    artist STRING,
    title STRING,
    genre STRING
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/all_songs', 'format' = 'csv');
INSERT INTO all_songs
    SELECT
        artist,
        title,
        'rock' AS genre
    FROM rock_songs;
INSERT INTO all_songs
    SELECT
        artist,
        title,
        'classical' AS genre
    FROM classical_songs;
CREATE TABLE all_songs_print (artist STRING, title STRING, genre STRING) WITH ('connector' = 'print');
INSERT INTO all_songs_print SELECT * FROM all_songs;
-- expect stdout (unordered):
--| +I[Metallica, Fade to Black, rock]
--| +I[Smashing Pumpkins, Today, rock]
--| +I[Pink Floyd, Another Brick in the Wall, rock]
--| +I[Van Halen, Jump, rock]
--| +I[Led Zeppelin, Kashmir, rock]
--| +I[Wolfgang Amadeus Mozart, The Magic Flute, classical]
--| +I[Johann Pachelbel, Canon, classical]
--| +I[Ludwig van Beethoven, Symphony No. 5, classical]
--| +I[Edward Elgar, Pomp and Circumstance, classical]
