-- scenario: Flink's Group Aggregation page: GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ()) over its Products VALUES counts each supplier and rating, each supplier and all four rows, as documented; the ROLLUP (supplier_id, rating) the page calls equivalent gives the same rows (batch mode: final rows only, in no determined order)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE sets_sink (supplier_id STRING, rating INT, total BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'sets');
CREATE TABLE rollup_sink (supplier_id STRING, rating INT, total BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'rollup');
INSERT INTO sets_sink
SELECT supplier_id, rating, COUNT(*) AS total
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ());
INSERT INTO rollup_sink
SELECT supplier_id, rating, COUNT(*)
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY ROLLUP (supplier_id, rating);
-- expect stdout (unordered):
--| sets> +I[supplier1, 4, 1]
--| sets> +I[supplier1, null, 2]
--| sets> +I[null, null, 4]
--| sets> +I[supplier1, 3, 1]
--| sets> +I[supplier2, 3, 1]
--| sets> +I[supplier2, null, 2]
--| sets> +I[supplier2, 4, 1]
--| rollup> +I[supplier1, 4, 1]
--| rollup> +I[supplier1, null, 2]
--| rollup> +I[null, null, 4]
--| rollup> +I[supplier1, 3, 1]
--| rollup> +I[supplier2, 3, 1]
--| rollup> +I[supplier2, null, 2]
--| rollup> +I[supplier2, 4, 1]
