-- scenario: a column's inline PRIMARY KEY NOT ENFORCED (refused as a duplicate key before) makes the table's key: a GROUP BY into the keyed print sink runs; ALTER TABLE ... DROP CONSTRAINT drops the key by the name the DDL gave it, and a wrong name fails with Flink's message
-- file: input/orders.csv
--| 1,apple,10
--| 2,pear,25
--| 1,apple,5
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, item STRING, qty INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE totals (id INT CONSTRAINT totals_key PRIMARY KEY NOT ENFORCED, qty BIGINT) WITH ('connector' = 'print');
INSERT INTO totals SELECT id, SUM(qty) FROM orders GROUP BY id;
ALTER TABLE totals DROP CONSTRAINT totals_key;
ALTER TABLE totals ADD PRIMARY KEY (id) NOT ENFORCED;
ALTER TABLE totals DROP CONSTRAINT totals_key;
-- expect stdout (ordered):
--| +I[1, 10]
--| +I[2, 25]
--| -U[1, 10]
--| +U[1, 15]
-- expect error: The base table does not define a primary key constraint named 'totals_key'. Available constraint name: ['PK_3386'].
-- expect exit: non-zero
