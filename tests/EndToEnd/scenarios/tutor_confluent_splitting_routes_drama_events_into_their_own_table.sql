-- scenario: confluentinc/tutorials splitting (Flink SQL) as a whole script: acting_events (a filesystem csv directory in place of the kafka topic) filled by the tutorial's INSERT ... VALUES, acting_events_drama filled by INSERT ... SELECT name, title ... WHERE genre = 'drama', and read back into a print sink (for the tutorial's SELECT * FROM acting_events_drama), each job finishing before the next; the drama table's csv file as Flink's Jackson CSV writer quotes text holding a space. Expected rows: the tutorial's output
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE acting_events (
    name STRING,
    title STRING,
    genre STRING
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/acting_events', 'format' = 'csv');
INSERT INTO acting_events VALUES
    ('Bill Murray', 'Ghostbusters', 'fantasy'),
    ('Christian Bale', 'The Dark Knight', 'crime'),
    ('Diane Keaton', 'The Godfather: Part II', 'crime'),
    ('Jennifer Aniston', 'Office Space', 'comedy'),
    ('Judy Garland', 'The Wizard of Oz', 'fantasy'),
    ('Keanu Reeves', 'The Matrix', 'fantasy'),
    ('Laura Dern', 'Jurassic Park', 'fantasy'),
    ('Matt Damon', 'The Martian', 'drama'),
    ('Meryl Streep', 'The Iron Lady', 'drama'),
    ('Russell Crowe', 'Gladiator', 'drama'),
    ('Will Smith', 'Men in Black', 'comedy');
CREATE TABLE acting_events_drama (
    name STRING,
    title STRING
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/acting_events_drama', 'format' = 'csv');
INSERT INTO acting_events_drama
    SELECT name, title
    FROM acting_events
    WHERE genre = 'drama';
CREATE TABLE drama_print (name STRING, title STRING) WITH ('connector' = 'print');
INSERT INTO drama_print SELECT * FROM acting_events_drama;
-- expect stdout (unordered):
--| +I[Matt Damon, The Martian]
--| +I[Meryl Streep, The Iron Lady]
--| +I[Russell Crowe, Gladiator]
-- expect files ${SCRATCH}/acting_events_drama (unordered):
--| "Matt Damon","The Martian"
--| "Meryl Streep","The Iron Lady"
--| "Russell Crowe",Gladiator
