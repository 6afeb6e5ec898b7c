-- scenario: Flink 1.20's DISTRIBUTED BY / DISTRIBUTED INTO n BUCKETS is kept by the catalog, printed by SHOW CREATE TABLE between the comment and PARTITIONED BY, inherited by LIKE unless EXCLUDING DISTRIBUTION, and a bucketed table still reads as a source
-- file: input/orders.csv
--| 1,apple,3
--| 2,pear,5
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, product STRING, qty INT) COMMENT 'the orders'
  DISTRIBUTED BY HASH(id) INTO 4 BUCKETS
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
SHOW CREATE TABLE orders;
CREATE TABLE by_range (id INT, day STRING) DISTRIBUTED BY RANGE(id) PARTITIONED BY (day) WITH ('connector' = 'blackhole');
SHOW CREATE TABLE by_range;
CREATE TABLE into_only (id INT) DISTRIBUTED INTO 3 BUCKETS WITH ('connector' = 'blackhole');
SHOW CREATE TABLE into_only;
CREATE TABLE order_copy WITH ('connector' = 'blackhole') LIKE orders (EXCLUDING OPTIONS);
SHOW CREATE TABLE order_copy;
CREATE TABLE order_print WITH ('connector' = 'print') LIKE orders (EXCLUDING OPTIONS EXCLUDING DISTRIBUTION);
SHOW CREATE TABLE order_print;
INSERT INTO order_print SELECT id, UPPER(product), qty * 10 FROM orders;
-- expect stdout (all, ordered, contains):
--| CREATE TABLE `default_catalog`.`default_database`.`orders` (
--| COMMENT 'the orders'
--| DISTRIBUTED BY HASH(`id`) INTO 4 BUCKETS
--| WITH (
--| CREATE TABLE `default_catalog`.`default_database`.`by_range` (
--| DISTRIBUTED BY RANGE(`id`)
--| PARTITIONED BY (`day`)
--| WITH (
--| CREATE TABLE `default_catalog`.`default_database`.`into_only` (
--| DISTRIBUTED INTO 3 BUCKETS
--| WITH (
--| CREATE TABLE `default_catalog`.`default_database`.`order_copy` (
--| DISTRIBUTED BY HASH(`id`) INTO 4 BUCKETS
--| 'connector' = 'blackhole'
--| CREATE TABLE `default_catalog`.`default_database`.`order_print` (
--| WITH (
--| 'connector' = 'print'
--| +I[1, APPLE, 30]
--| +I[2, PEAR, 50]
