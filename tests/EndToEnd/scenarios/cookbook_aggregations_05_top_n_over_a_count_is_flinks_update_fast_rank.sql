-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/05_top_n: each wizard's top 2 spells by COUNT(*) DESC over a GROUP BY. COUNT only grows and the GROUP BY's key holds the partition key, so Flink takes the UpdateFastStrategy (UpdatableTopNFunction): an update of a spell already in the top is one -U/+U of it (not a -D/+I), a spell that cannot enter a full top emits nothing; the second sink keeps the row number, where an update moving a row up updates each rank from its new place to its old one (-U of the row there, the moved row's old -U after the first, then the +Us); the third keeps rn = 1 (its number a constant, Flink's RankNumberColumnRemoveRule): a spell equal to the first does not displace it, a better one does (-D, +I), Flink's UpdatableTopNFunction never having kept the spells outside the top. Expected rows derived by hand from Flink's documented semantics (UpdatableTopNFunction.processElementWithoutRowNumber / emitRecordsWithRowNumber)
-- file: input/spells.csv
--| Harry,Expelliarmus
--| Ron,Wingardium Leviosa
--| Harry,Lumos
--| Harry,Expelliarmus
--| Hermione,Alohomora
--| Harry,Lumos
--| Harry,Lumos
--| Ron,Lumos
--| Harry,Accio
--| Ron,Lumos
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE spells_cast (
    wizard STRING,
    spell  STRING
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/spells.csv', 'format' = 'csv');
CREATE TABLE o1 (wizard STRING, spell STRING, times_cast BIGINT) WITH ('connector'='print');
INSERT INTO o1
SELECT wizard, spell, times_cast
FROM (
    SELECT *,
    ROW_NUMBER() OVER (PARTITION BY wizard ORDER BY times_cast DESC) AS row_num
    FROM (SELECT wizard, spell, COUNT(*) AS times_cast FROM spells_cast GROUP BY wizard, spell)
)
WHERE row_num <= 2;
CREATE TABLE o2 (wizard STRING, spell STRING, times_cast BIGINT, rn BIGINT) WITH ('connector'='print', 'print-identifier'='rn');
INSERT INTO o2 SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY wizard ORDER BY times_cast DESC) AS row_num FROM (SELECT wizard, spell, COUNT(*) AS times_cast FROM spells_cast GROUP BY wizard, spell)) WHERE row_num <= 2;
CREATE TABLE o3 (wizard STRING, spell STRING, times_cast BIGINT, rn BIGINT) WITH ('connector'='print', 'print-identifier'='top1');
INSERT INTO o3 SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY wizard ORDER BY times_cast DESC) AS rn
    FROM (SELECT wizard, spell, COUNT(*) AS times_cast FROM spells_cast GROUP BY wizard, spell)) WHERE rn = 1;
-- expect stdout (ordered):
--| +I[Harry, Expelliarmus, 1]
--| +I[Ron, Wingardium Leviosa, 1]
--| +I[Harry, Lumos, 1]
--| -U[Harry, Expelliarmus, 1]
--| +U[Harry, Expelliarmus, 2]
--| +I[Hermione, Alohomora, 1]
--| -U[Harry, Lumos, 1]
--| +U[Harry, Lumos, 2]
--| -U[Harry, Lumos, 2]
--| +U[Harry, Lumos, 3]
--| +I[Ron, Lumos, 1]
--| -U[Ron, Lumos, 1]
--| +U[Ron, Lumos, 2]
--| rn> +I[Harry, Expelliarmus, 1, 1]
--| rn> +I[Ron, Wingardium Leviosa, 1, 1]
--| rn> +I[Harry, Lumos, 1, 2]
--| rn> -U[Harry, Expelliarmus, 1, 1]
--| rn> +U[Harry, Expelliarmus, 2, 1]
--| rn> +I[Hermione, Alohomora, 1, 1]
--| rn> -U[Harry, Lumos, 1, 2]
--| rn> +U[Harry, Lumos, 2, 2]
--| rn> -U[Harry, Expelliarmus, 2, 1]
--| rn> -U[Harry, Lumos, 2, 2]
--| rn> +U[Harry, Lumos, 3, 1]
--| rn> +U[Harry, Expelliarmus, 2, 2]
--| rn> +I[Ron, Lumos, 1, 2]
--| rn> -U[Ron, Wingardium Leviosa, 1, 1]
--| rn> -U[Ron, Lumos, 1, 2]
--| rn> +U[Ron, Lumos, 2, 1]
--| rn> +U[Ron, Wingardium Leviosa, 1, 2]
--| top1> +I[Harry, Expelliarmus, 1, 1]
--| top1> +I[Ron, Wingardium Leviosa, 1, 1]
--| top1> -U[Harry, Expelliarmus, 1, 1]
--| top1> +U[Harry, Expelliarmus, 2, 1]
--| top1> +I[Hermione, Alohomora, 1, 1]
--| top1> -D[Harry, Expelliarmus, 2, 1]
--| top1> +I[Harry, Lumos, 3, 1]
--| top1> -D[Ron, Wingardium Leviosa, 1, 1]
--| top1> +I[Ron, Lumos, 2, 1]
