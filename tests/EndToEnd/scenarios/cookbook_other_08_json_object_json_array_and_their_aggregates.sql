-- scenario: ververica/flink-sql-cookbook other-builtin-functions/08_generate_json_from_data: JSON_OBJECT with an ARRAY value and JSON_ARRAY per row; JSON_OBJECTAGG over the prefixes counted more than once (a HAVING-like WHERE over a GROUP BY); JSON_ARRAYAGG over SELECT DISTINCT prefix, growing in arrival order (-U/+U). Expected rows derived by hand from Flink's documented semantics
-- file: input/jclients.json
--| {"prefix":"Mr.","first_name":"Alan","last_name":"Turing","address":["1 Bletchley Park","2 King's College"]}
--| {"prefix":"Ms.","first_name":"Ada","last_name":"Lovelace","address":["12 Main St"]}
--| {"prefix":"Mr.","first_name":"Charles","last_name":"Babbage","address":[]}
--| {"prefix":"Dr.","first_name":"Grace","last_name":"Hopper","address":["Arlington"]}
--| {"prefix":"Prof.","first_name":"Edsger","last_name":"Dijkstra","address":["Austin"]}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY TABLE clients (
  `prefix` STRING,
  `first_name` STRING,
  `last_name` STRING,
  `address` ARRAY<STRING>
)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/jclients.json', 'format' = 'json');
CREATE TABLE o1 (json_object STRING, json_array STRING) WITH ('connector'='print', 'print-identifier'='gen');
CREATE TABLE o2 (j STRING) WITH ('connector'='print', 'print-identifier'='objagg');
CREATE TABLE o3 (j STRING) WITH ('connector'='print', 'print-identifier'='arragg');
INSERT INTO o1
SELECT 
 JSON_OBJECT(KEY 'First Name' VALUE first_name, KEY 'Last Name' VALUE last_name, KEY 'address' VALUE address) AS `json_object`, 
 JSON_ARRAY(first_name, last_name) AS `json_array` 
FROM clients;
INSERT INTO o2
SELECT JSON_OBJECTAGG(KEY prefix VALUE cnt)
  FROM (SELECT prefix, COUNT(1) cnt FROM clients GROUP BY prefix) t WHERE cnt > 1;
INSERT INTO o3
SELECT JSON_ARRAYAGG(prefix)
  FROM (SELECT DISTINCT prefix FROM clients) t;
-- expect stdout (ordered):
--| gen> +I[{"First Name":"Alan","Last Name":"Turing","address":["1 Bletchley Park","2 King's College"]}, ["Alan","Turing"]]
--| gen> +I[{"First Name":"Ada","Last Name":"Lovelace","address":["12 Main St"]}, ["Ada","Lovelace"]]
--| gen> +I[{"First Name":"Charles","Last Name":"Babbage","address":[]}, ["Charles","Babbage"]]
--| gen> +I[{"First Name":"Grace","Last Name":"Hopper","address":["Arlington"]}, ["Grace","Hopper"]]
--| gen> +I[{"First Name":"Edsger","Last Name":"Dijkstra","address":["Austin"]}, ["Edsger","Dijkstra"]]
--| objagg> +I[{"Mr.":2}]
--| arragg> +I[["Mr."]]
--| arragg> -U[["Mr."]]
--| arragg> +U[["Mr.","Ms."]]
--| arragg> -U[["Mr.","Ms."]]
--| arragg> +U[["Mr.","Ms.","Dr."]]
--| arragg> -U[["Mr.","Ms.","Dr."]]
--| arragg> +U[["Mr.","Ms.","Dr.","Prof."]]
