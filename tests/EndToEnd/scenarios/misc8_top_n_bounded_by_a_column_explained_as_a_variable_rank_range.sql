-- scenario: EXPLAIN of a Top-N bounded by a column shows Flink's VariableRankRange (rankRange=[rankEnd=n]), the bound gone from the filter
-- sql:
CREATE TABLE src (k STRING, v INT, n INT) WITH ('connector' = 'datagen');
EXPLAIN SELECT k, v FROM (SELECT k, v, n, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM src) WHERE rn <= n;
-- expect stdout (all, unordered, contains):
--| Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER], rankRange=[rankEnd=n], partitionBy=[k], orderBy=[v DESC], select=[k, v, n])
