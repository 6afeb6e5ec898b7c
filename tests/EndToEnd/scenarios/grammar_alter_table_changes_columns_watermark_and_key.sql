-- scenario: Flink 1.17+'s ALTER TABLE schema changes on a catalog table (ADD with FIRST/AFTER, MODIFY, DROP, RENAME, ADD/DROP PRIMARY KEY, ADD/DROP WATERMARK) change what later statements read; adding a column that exists fails with Flink's message
-- file: input/orders.csv
--| 1,apple,10
--| 2,pear,25
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, item STRING, junk AS UPPER(item), qty INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
ALTER TABLE orders DROP junk;
ALTER TABLE orders RENAME item TO product;
ALTER TABLE orders MODIFY qty BIGINT COMMENT 'units';
ALTER TABLE orders ADD (doubled AS qty * 2 AFTER id, shipped AS id > 1 FIRST);
ALTER TABLE orders ADD PRIMARY KEY (id) NOT ENFORCED;
ALTER TABLE orders DROP PRIMARY KEY;
ALTER TABLE orders ADD (ts AS TO_TIMESTAMP('2024-01-01 00:00:00'), WATERMARK FOR ts AS ts);
ALTER TABLE orders DROP WATERMARK;
ALTER TABLE orders DROP ts;
CREATE TABLE print_sink (shipped BOOLEAN, id INT, doubled BIGINT, product STRING, qty BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT * FROM orders;
ALTER TABLE orders ADD product STRING;
-- expect stdout (unordered):
--| +I[false, 1, 20, apple, 10]
--| +I[true, 2, 50, pear, 25]
-- expect error: Try to add a column `product` which already exists in the table.
-- expect exit: non-zero
