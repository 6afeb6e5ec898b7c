-- scenario: ververica/flink-sql-cookbook other-builtin-functions/02_union-all: UNION ALL of three tables of different shapes, the missing columns filled with '' literals. Expected rows derived by hand from Flink's documented semantics
-- file: input/rm.csv
--| Rick Sanchez,Earth (C-137),2020-12-19 10:00:00
--| Morty Smith,Citadel of Ricks,2020-12-19 10:00:05
-- file: input/nasa.csv
--| Apollo,Sirius,2020-12-19 10:00:01
-- file: input/hh.csv
--| Arthur Dent,Heart of Gold,Magrathea,2020-12-19 10:00:02
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY TABLE rickandmorty_visits ( 
    visitor STRING,
    location STRING, 
    visit_time TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rm.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE spaceagency_visits ( 
    spacecraft STRING,
    location STRING, 
    visit_time TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nasa.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE hitchhiker_visits ( 
    visitor STRING,
    starship STRING,
    location STRING, 
    visit_time TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/hh.csv', 'format' = 'csv');
CREATE TABLE o1 (visitor STRING, spacecraft STRING, location STRING, visit_time TIMESTAMP(3)) WITH ('connector'='print');
INSERT INTO o1
SELECT visitor, '' AS spacecraft, location, visit_time FROM rickandmorty_visits
UNION ALL
SELECT '' AS visitor, spacecraft, location, visit_time FROM spaceagency_visits
UNION ALL
SELECT visitor, starship AS spacecraft, location, visit_time FROM hitchhiker_visits;
-- expect stdout (unordered):
--| +I[Rick Sanchez, , Earth (C-137), 2020-12-19T10:00]
--| +I[Morty Smith, , Citadel of Ricks, 2020-12-19T10:00:05]
--| +I[, Apollo, Sirius, 2020-12-19T10:00:01]
--| +I[Arthur Dent, Heart of Gold, Magrathea, 2020-12-19T10:00:02]
