-- scenario: Flink's Group Aggregation page in batch mode: GROUP BY CUBE (supplier_id, rating, product_id) over the Products values gives the 25 rows of all eight subsets, the same as the page's equivalent explicit GROUPING SETS list (the page spells it GROUPING SET, a typo: Flink's parser wants GROUPING SETS); HAVING without GROUP BY makes the whole input one group: one row when the condition holds, none when it does not
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE cube_sink (supplier_id STRING, rating INT, product_id STRING, c BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'cube');
INSERT INTO cube_sink SELECT supplier_id, rating, product_id, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY CUBE (supplier_id, rating, product_id);
CREATE TABLE sets_sink (supplier_id STRING, rating INT, product_id STRING, c BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'sets');
INSERT INTO sets_sink SELECT supplier_id, rating, product_id, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS (
    ( supplier_id, product_id, rating ),
    ( supplier_id, product_id         ),
    ( supplier_id,             rating ),
    ( supplier_id                     ),
    (              product_id, rating ),
    (              product_id         ),
    (                          rating ),
    (                                 )
);
CREATE TABLE having_all (s INT) WITH ('connector' = 'print', 'print-identifier' = 'having_all');
INSERT INTO having_all SELECT SUM(amount) FROM (VALUES (10), (50)) AS Orders(amount) HAVING SUM(amount) > 50;
CREATE TABLE having_none (s INT) WITH ('connector' = 'print', 'print-identifier' = 'having_none');
INSERT INTO having_none SELECT SUM(amount) FROM (VALUES (10), (20)) AS Orders(amount) HAVING SUM(amount) > 50;
-- expect stdout (unordered):
--| cube> +I[supplier1, 4, product1, 1]
--| cube> +I[supplier1, 3, product2, 1]
--| cube> +I[supplier2, 3, product3, 1]
--| cube> +I[supplier2, 4, product4, 1]
--| cube> +I[supplier1, 4, null, 1]
--| cube> +I[supplier1, 3, null, 1]
--| cube> +I[supplier2, 3, null, 1]
--| cube> +I[supplier2, 4, null, 1]
--| cube> +I[supplier1, null, product1, 1]
--| cube> +I[supplier1, null, product2, 1]
--| cube> +I[supplier2, null, product3, 1]
--| cube> +I[supplier2, null, product4, 1]
--| cube> +I[supplier1, null, null, 2]
--| cube> +I[supplier2, null, null, 2]
--| cube> +I[null, 4, product1, 1]
--| cube> +I[null, 3, product2, 1]
--| cube> +I[null, 3, product3, 1]
--| cube> +I[null, 4, product4, 1]
--| cube> +I[null, 4, null, 2]
--| cube> +I[null, 3, null, 2]
--| cube> +I[null, null, product1, 1]
--| cube> +I[null, null, product2, 1]
--| cube> +I[null, null, product3, 1]
--| cube> +I[null, null, product4, 1]
--| cube> +I[null, null, null, 4]
--| sets> +I[supplier1, 4, product1, 1]
--| sets> +I[supplier1, 3, product2, 1]
--| sets> +I[supplier2, 3, product3, 1]
--| sets> +I[supplier2, 4, product4, 1]
--| sets> +I[supplier1, 4, null, 1]
--| sets> +I[supplier1, 3, null, 1]
--| sets> +I[supplier2, 3, null, 1]
--| sets> +I[supplier2, 4, null, 1]
--| sets> +I[supplier1, null, product1, 1]
--| sets> +I[supplier1, null, product2, 1]
--| sets> +I[supplier2, null, product3, 1]
--| sets> +I[supplier2, null, product4, 1]
--| sets> +I[supplier1, null, null, 2]
--| sets> +I[supplier2, null, null, 2]
--| sets> +I[null, 4, product1, 1]
--| sets> +I[null, 3, product2, 1]
--| sets> +I[null, 3, product3, 1]
--| sets> +I[null, 4, product4, 1]
--| sets> +I[null, 4, null, 2]
--| sets> +I[null, 3, null, 2]
--| sets> +I[null, null, product1, 1]
--| sets> +I[null, null, product2, 1]
--| sets> +I[null, null, product3, 1]
--| sets> +I[null, null, product4, 1]
--| sets> +I[null, null, null, 4]
--| having_all> +I[60]
