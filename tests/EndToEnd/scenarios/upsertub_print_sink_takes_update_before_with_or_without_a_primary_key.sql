-- scenario: Flink's print sink takes every change its input has (its getChangelogMode returns the requested mode, UPDATE_BEFORE included), with a PRIMARY KEY as without one: a GROUP BY, a Top-2 with the rank number and a keep-last deduplication print -U before each +U either way (an upsert sink keyed alike would get +U alone)
-- file: input/src.csv
--| 1,a
--| 1,b
--| 2,c
--| 1,d
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE src (k INT, v STRING, pt AS PROCTIME()) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/src.csv', 'format' = 'csv');
CREATE TABLE agg_keyed (k INT NOT NULL, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = 'agg_keyed');
CREATE TABLE agg_plain (k INT, n BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'agg_plain');
CREATE TABLE top_keyed (k INT NOT NULL, v STRING, rn BIGINT NOT NULL, PRIMARY KEY (k, rn) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = 'top_keyed');
CREATE TABLE last_keyed (k INT NOT NULL, v STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = 'last_keyed');
INSERT INTO agg_keyed SELECT k, COUNT(*) FROM src GROUP BY k;
INSERT INTO agg_plain SELECT k, COUNT(*) FROM src GROUP BY k;
INSERT INTO top_keyed SELECT k, v, rn FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM src) WHERE rn <= 2;
INSERT INTO last_keyed SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY pt DESC) AS rn FROM src) WHERE rn = 1;
-- expect stdout (ordered):
--| agg_keyed> +I[1, 1]
--| agg_keyed> -U[1, 1]
--| agg_keyed> +U[1, 2]
--| agg_keyed> +I[2, 1]
--| agg_keyed> -U[1, 2]
--| agg_keyed> +U[1, 3]
--| agg_plain> +I[1, 1]
--| agg_plain> -U[1, 1]
--| agg_plain> +U[1, 2]
--| agg_plain> +I[2, 1]
--| agg_plain> -U[1, 2]
--| agg_plain> +U[1, 3]
--| top_keyed> +I[1, a, 1]
--| top_keyed> -U[1, a, 1]
--| top_keyed> +U[1, b, 1]
--| top_keyed> +I[1, a, 2]
--| top_keyed> +I[2, c, 1]
--| top_keyed> -U[1, b, 1]
--| top_keyed> +U[1, d, 1]
--| top_keyed> -U[1, a, 2]
--| top_keyed> +U[1, b, 2]
--| last_keyed> +I[1, a]
--| last_keyed> -U[1, a]
--| last_keyed> +U[1, b]
--| last_keyed> +I[2, c]
--| last_keyed> -U[1, b]
--| last_keyed> +U[1, d]
