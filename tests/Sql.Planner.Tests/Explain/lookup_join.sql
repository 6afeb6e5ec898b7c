CREATE TABLE o (k INT, code STRING, amount DOUBLE, pt AS PROCTIME()) WITH ('connector' = 'datagen');
CREATE TABLE dim (id INT, code STRING, name STRING, weight INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://db/x', 'table-name' = 'dim');
EXPLAIN SELECT o.k, d.name, o.amount * d.weight AS w
FROM o LEFT JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.k = d.id AND d.code = o.code AND d.weight > 1
WHERE o.amount > 10
