-- scenario: LIKE matches the whole string, % is any run of characters, _ exactly one, and ESCAPE makes them literal
-- file: input/words.csv
--| 1,apple
--| 2,apricot
--| 3,banana
--| 4,50% off
--| 5,a_b
--| 6,axb
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE words (id INT, s STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/words.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, starts_ap BOOLEAN, second_p BOOLEAN, has_percent BOOLEAN,
  literal_underscore BOOLEAN, any_middle BOOLEAN, no_an BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, s LIKE 'ap%', s LIKE '_p%', s LIKE '%!%%' ESCAPE '!', s LIKE 'a!_b' ESCAPE '!', s LIKE 'a_b',
       s NOT LIKE '%an%'
FROM words;
-- expect stdout (unordered):
--| +I[1, true, true, false, false, false, true]
--| +I[2, true, true, false, false, false, true]
--| +I[3, false, false, false, false, false, false]
--| +I[4, false, false, true, false, false, true]
--| +I[5, false, false, false, true, true, true]
--| +I[6, false, false, false, false, true, true]
