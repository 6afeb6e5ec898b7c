-- scenario: batch mode: TPC-H's shapes Flink runs, into append-only csv sinks: q20's IN within IN with a correlated scalar subquery (a partsupp row without line items compares with NULL and is dropped), q11's HAVING against a scalar subquery then ORDER BY, q19's OR of branches sharing the join's equality
-- file: input/part.csv
--| 1|forest green|Brand#12
--| 2|forest blue|Brand#23
--| 3|lime green|Brand#12
-- file: input/partsupp.csv
--| 1|10|100
--| 1|20|5
--| 2|10|50
--| 2|20|70
--| 3|30|500
-- file: input/supplier.csv
--| 10|S10
--| 20|S20
--| 30|S30
-- file: input/lineitem.csv
--| 1|10|20.00|100.00
--| 1|10|30.00|200.00
--| 1|20|40.00|50.00
--| 2|10|60.00|10.00
--| 3|30|10.00|5.00
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE part (p_partkey INT, p_name VARCHAR(55), p_brand CHAR(10)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/part.csv', 'format' = 'csv', 'csv.field-delimiter' = '|');
CREATE TABLE partsupp (ps_partkey INT, ps_suppkey INT, ps_availqty INT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/partsupp.csv', 'format' = 'csv', 'csv.field-delimiter' = '|');
CREATE TABLE supplier (s_suppkey INT, s_name CHAR(25)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/supplier.csv', 'format' = 'csv', 'csv.field-delimiter' = '|');
CREATE TABLE lineitem (l_partkey INT, l_suppkey INT, l_quantity DECIMAL(15, 2), l_price DECIMAL(15, 2)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/lineitem.csv', 'format' = 'csv', 'csv.field-delimiter' = '|');
CREATE TABLE q20 (s_name CHAR(25)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/q20', 'format' = 'csv');
CREATE TABLE q11 (l_partkey INT, v DECIMAL(38, 2)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/q11', 'format' = 'csv');
CREATE TABLE q19 (revenue DECIMAL(38, 2)) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/q19', 'format' = 'csv');
INSERT INTO q20
SELECT s_name FROM supplier
WHERE s_suppkey IN (
  SELECT ps_suppkey FROM partsupp
  WHERE ps_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
    AND ps_availqty > (SELECT 0.5 * SUM(l_quantity) FROM lineitem WHERE l_partkey = ps_partkey AND l_suppkey = ps_suppkey))
ORDER BY s_name;
INSERT INTO q11
SELECT l_partkey, SUM(l_price) AS v FROM lineitem GROUP BY l_partkey
HAVING SUM(l_price) > (SELECT SUM(l_price) * 0.01 FROM lineitem)
ORDER BY v DESC;
INSERT INTO q19
SELECT SUM(l_price) FROM lineitem, part
WHERE (p_partkey = l_partkey AND p_brand = 'Brand#12' AND l_quantity <= 20)
   OR (p_partkey = l_partkey AND p_brand = 'Brand#23' AND l_quantity >= 50);
-- expect files ${SCRATCH}/q20 (unordered):
--| S10
-- expect files ${SCRATCH}/q11 (unordered):
--| 1,350.00
--| 2,10.00
--| 3,5.00
-- expect files ${SCRATCH}/q19 (unordered):
--| 115.00
