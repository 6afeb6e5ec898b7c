-- scenario: a Top-N over a GROUP BY ordered by COUNT(*) DESC (a count only grows, and the GROUP BY's keys hold the partition key) is Flink's UpdateFastStrategy, and EXPLAIN names it with the input's unique key as Flink's RankProcessStrategy.UpdateFastStrategy.toString does (UpdateFastStrategy[0,1]: wizard and spell); ordered by a SUM it stays the RetractStrategy; an ORDER BY ... LIMIT over the count is a SortLimit with the same strategy
-- sql:
CREATE TABLE spells_cast (wizard STRING, spell STRING, power INT) WITH ('connector' = 'datagen');
CREATE TABLE o (wizard STRING, spell STRING, n BIGINT) WITH ('connector' = 'blackhole');
EXPLAIN INSERT INTO o SELECT wizard, spell, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY wizard ORDER BY n DESC) AS row_num
  FROM (SELECT wizard, spell, COUNT(*) AS n FROM spells_cast GROUP BY wizard, spell)) WHERE row_num <= 2;
EXPLAIN INSERT INTO o SELECT wizard, spell, n FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY wizard ORDER BY n DESC) AS row_num
  FROM (SELECT wizard, spell, CAST(SUM(power) AS BIGINT) AS n FROM spells_cast GROUP BY wizard, spell)) WHERE row_num <= 2;
EXPLAIN SELECT spell, COUNT(*) AS n FROM spells_cast GROUP BY spell ORDER BY n DESC LIMIT 3;
-- expect stdout (all, ordered, contains):
--| +- Rank(strategy=[UpdateFastStrategy[0,1]], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], partitionBy=[wizard], orderBy=[n DESC], select=[wizard, spell, n])
--| +- Rank(strategy=[UpdateFastStrategy[0,1]], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], partitionBy=[wizard], orderBy=[n DESC], select=[wizard, spell, n])
--| +- Rank(strategy=[RetractStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], partitionBy=[wizard], orderBy=[n DESC], select=[wizard, spell, n])
--| +- Rank(strategy=[RetractStrategy], rankType=[ROW_NUMBER], rankRange=[rankStart=1, rankEnd=2], partitionBy=[wizard], orderBy=[n DESC], select=[wizard, spell, n])
--| SortLimit(orderBy=[n DESC], offset=[0], fetch=[3], strategy=[UpdateFastStrategy[0]])
