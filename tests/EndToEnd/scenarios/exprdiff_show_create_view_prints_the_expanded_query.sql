-- scenario: SHOW CREATE VIEW prints the view's query as Flink stores it (CatalogView.getExpandedQuery, flink-sql-client view.q): the table fully qualified with its alias, * expanded, every column qualified, one clause per line
-- sql:
CREATE TABLE orders (`user` BIGINT NOT NULL, product VARCHAR(32), amount INT, ts TIMESTAMP(3), ptime AS PROCTIME(), PRIMARY KEY(`user`) NOT ENFORCED, WATERMARK FOR ts AS ts - INTERVAL '1' SECONDS) WITH ('connector' = 'datagen');
create temporary view v1 as select * from orders;
create temporary view v2 as select * from v1;
create view big as select o.product, upper(product) as up from orders as o where amount > 10;
show create view v1;
show create view v2;
show create view big;
-- expect stdout (all, ordered, contains):
--| | CREATE TEMPORARY VIEW `default_catalog`.`default_database`.`v1`(`user`, `product`, `amount`, `ts`, `ptime`) as
--| SELECT `orders`.`user`, `orders`.`product`, `orders`.`amount`, `orders`.`ts`, `orders`.`ptime`
--| FROM `default_catalog`.`default_database`.`orders` AS `orders`
--| | CREATE TEMPORARY VIEW `default_catalog`.`default_database`.`v2`(`user`, `product`, `amount`, `ts`, `ptime`) as
--| SELECT `v1`.`user`, `v1`.`product`, `v1`.`amount`, `v1`.`ts`, `v1`.`ptime`
--| FROM `default_catalog`.`default_database`.`v1` AS `v1`
--| | CREATE VIEW `default_catalog`.`default_database`.`big`(`product`, `up`) as
--| SELECT `o`.`product`, UPPER(`o`.`product`) AS `up`
--| FROM `default_catalog`.`default_database`.`orders` AS `o`
--| WHERE `o`.`amount` > 10
