-- scenario: the SQL Client page's word count over VALUES ('Bob'), ('Alice'), ('Greg'), ('Bob'): Flink's values source hands the aggregation one row at a time, so the streaming result shows Bob's first count and its update (+I Bob 1, +I Alice 1, +I Greg 1, -U Bob 1, +U Bob 2), in the SQL client's result table and in a print sink alike
-- sql:
SET 'table.dml-sync' = 'true';
SELECT name, COUNT(*) AS cnt FROM (VALUES ('Bob'), ('Alice'), ('Greg'), ('Bob')) AS NameTable(name) GROUP BY name;
CREATE TABLE counts (name STRING, cnt BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'counts');
INSERT INTO counts SELECT name, COUNT(*) AS cnt FROM (VALUES ('Bob'), ('Alice'), ('Greg'), ('Bob')) AS NameTable(name) GROUP BY name;
-- expect stdout (all, ordered, contains):
--| | op |                           name |                  cnt |
--| | +I |                            Bob |                    1 |
--| | +I |                          Alice |                    1 |
--| | +I |                           Greg |                    1 |
--| | -U |                            Bob |                    1 |
--| | +U |                            Bob |                    2 |
--| Received a total of 5 rows
--| counts> +I[Bob, 1]
--| counts> +I[Alice, 1]
--| counts> +I[Greg, 1]
--| counts> -U[Bob, 1]
--| counts> +U[Bob, 2]
