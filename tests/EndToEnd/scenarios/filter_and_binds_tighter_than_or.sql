-- scenario: AND binds tighter than OR in a WHERE clause; parentheses change the result
-- file: input/stock.csv
--| 1,a,1
--| 2,b,5
--| 3,c,9
--| 4,a,9
--| 5,b,7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE stock (id INT, cat STRING, qty INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/stock.csv', 'format' = 'csv');
CREATE TABLE no_parens (id INT, cat STRING, qty INT) WITH ('connector' = 'print', 'print-identifier' = 'no_parens');
CREATE TABLE parens (id INT, cat STRING, qty INT) WITH ('connector' = 'print', 'print-identifier' = 'parens');
INSERT INTO no_parens SELECT * FROM stock WHERE cat = 'a' OR cat = 'b' AND qty > 6;
INSERT INTO parens SELECT * FROM stock WHERE (cat = 'a' OR cat = 'b') AND qty > 6;
-- expect stdout (unordered):
--| no_parens> +I[1, a, 1]
--| no_parens> +I[4, a, 9]
--| no_parens> +I[5, b, 7]
--| parens> +I[4, a, 9]
--| parens> +I[5, b, 7]
