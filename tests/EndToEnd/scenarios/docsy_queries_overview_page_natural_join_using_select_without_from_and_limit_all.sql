-- scenario: the Queries overview page's grammar in batch mode: NATURAL JOIN on the common column, JOIN ... USING (id) (LEFT and FULL: the USING column is the one of either side, COALESCE as Calcite expands it, so the right-only row keeps its id), a SELECT without FROM (SELECT 'Hello World'), INSERT ... VALUES, and ORDER BY ... LIMIT ALL
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE VIEW a (id, x) AS VALUES (1, 'a1'), (2, 'a2'), (3, 'a3');
CREATE VIEW b (id, y) AS VALUES (1, 'b1'), (3, 'b3'), (4, 'b4');
CREATE TABLE n1 (id INT, x STRING, y STRING) WITH ('connector' = 'print', 'print-identifier' = 'natural');
INSERT INTO n1 SELECT * FROM a NATURAL JOIN b;
CREATE TABLE n2 (id INT, x STRING, y STRING) WITH ('connector' = 'print', 'print-identifier' = 'using');
INSERT INTO n2 SELECT * FROM a LEFT JOIN b USING (id);
CREATE TABLE n3 (id INT, x STRING, y STRING) WITH ('connector' = 'print', 'print-identifier' = 'full_using');
INSERT INTO n3 SELECT * FROM a FULL JOIN b USING (id);
CREATE TABLE n4 (s STRING) WITH ('connector' = 'print', 'print-identifier' = 'nofrom');
INSERT INTO n4 SELECT 'Hello World';
CREATE TABLE n5 (a INT, b STRING) WITH ('connector' = 'print', 'print-identifier' = 'values');
INSERT INTO n5 VALUES (1, 'x'), (2, 'y');
CREATE TABLE n6 (id INT) WITH ('connector' = 'print', 'print-identifier' = 'limit_all');
INSERT INTO n6 SELECT id FROM a ORDER BY id DESC LIMIT ALL;
-- expect stdout (unordered):
--| natural> +I[1, a1, b1]
--| natural> +I[3, a3, b3]
--| using> +I[2, a2, null]
--| using> +I[1, a1, b1]
--| using> +I[3, a3, b3]
--| full_using> +I[2, a2, null]
--| full_using> +I[1, a1, b1]
--| full_using> +I[3, a3, b3]
--| full_using> +I[4, null, b4]
--| nofrom> +I[Hello World]
--| values> +I[1, x]
--| values> +I[2, y]
--| limit_all> +I[3]
--| limit_all> +I[2]
--| limit_all> +I[1]
