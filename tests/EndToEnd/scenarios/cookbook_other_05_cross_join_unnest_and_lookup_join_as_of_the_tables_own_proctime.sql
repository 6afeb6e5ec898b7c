-- scenario: ververica/flink-sql-cookbook other-builtin-functions/05_expanding_arrays: CROSS JOIN UNNEST(spells) AS SpellsTable (spell) in a view (an empty array gives no row), then JOIN Spells_Language FOR SYSTEM_TIME AS OF proctime, where proctime is the looked-up table's own PROCTIME() column (the view has none; Flink resolves the period in the join's scope): a lookup join against a filesystem table, every matching row joined, none for a spell not in it. Expected rows derived by hand from Flink's documented semantics
-- file: input/hp.json
--| {"character":"Harry Potter","spells":["Expelliarmus","Lumos","Accio"]}
--| {"character":"Hermione Granger","spells":["Alohomora","Lumos"]}
--| {"character":"Neville Longbottom","spells":[]}
--| {"character":"Tom Riddle","spells":["Avada Kedavra","Expelliarmus"]}
-- file: input/spells_lang.csv
--| Expelliarmus,English
--| Lumos,Rune
--| Alohomora,Mermish
--| Accio,Troll
--| Alohomora,Gobbledegook
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE `HarryPotter` (
  `character` STRING,
  `spells` ARRAY<STRING>
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/hp.json', 'format' = 'json');
CREATE TEMPORARY VIEW `SpellsPerCharacter` AS
  SELECT `HarryPotter`.`character`, `SpellsTable`.`spell`
  FROM HarryPotter 
  CROSS JOIN UNNEST(HarryPotter.spells) AS SpellsTable (spell);
CREATE TABLE `Spells_Language` (
  `spells` STRING,
  `spoken_language` STRING, 
  `proctime` AS PROCTIME()
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/spells_lang.csv', 'format' = 'csv');
CREATE TABLE o1 (`character` STRING, spell STRING) WITH ('connector'='print', 'print-identifier'='unnest');
CREATE TABLE o2 (`character` STRING, spell STRING, spoken_language STRING) WITH ('connector'='print', 'print-identifier'='lookup');
INSERT INTO o1 SELECT * FROM SpellsPerCharacter;
INSERT INTO o2
SELECT 
  `SpellsPerCharacter`.`character`, 
  `SpellsPerCharacter`.`spell`, 
  `Spells_Language`.`spoken_language`
FROM SpellsPerCharacter
JOIN Spells_Language FOR SYSTEM_TIME AS OF proctime AS Spells_Language
ON SpellsPerCharacter.spell = Spells_Language.spells;
-- expect stdout (unordered):
--| unnest> +I[Harry Potter, Expelliarmus]
--| unnest> +I[Harry Potter, Lumos]
--| unnest> +I[Harry Potter, Accio]
--| unnest> +I[Hermione Granger, Alohomora]
--| unnest> +I[Hermione Granger, Lumos]
--| unnest> +I[Tom Riddle, Avada Kedavra]
--| unnest> +I[Tom Riddle, Expelliarmus]
--| lookup> +I[Harry Potter, Expelliarmus, English]
--| lookup> +I[Harry Potter, Lumos, Rune]
--| lookup> +I[Harry Potter, Accio, Troll]
--| lookup> +I[Hermione Granger, Alohomora, Mermish]
--| lookup> +I[Hermione Granger, Alohomora, Gobbledegook]
--| lookup> +I[Hermione Granger, Lumos, Rune]
--| lookup> +I[Tom Riddle, Expelliarmus, English]
