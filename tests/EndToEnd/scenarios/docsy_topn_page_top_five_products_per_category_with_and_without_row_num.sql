-- scenario: Flink's Top-N page: the top five products per category by sales over ShopSales, with row_num in the output (each rank a new row pushes down is retracted and re-emitted at its new rank: -U[old row, r] +U[new row, r], the last one inserted at the next rank, as Flink's AppendOnlyTopNFunction emits; a product past rank 5 leaves without a message, one never in the top 5 is ignored) and with the "no ranking output" optimization (only the changed rows: +I for an entering product, -D for the one pushed out)
-- file: input/shop_sales.csv
--| p1,fruit,apple,10
--| p2,fruit,banana,30
--| p3,veg,carrot,5
--| p4,fruit,cherry,20
--| p5,fruit,date,50
--| p6,fruit,elder,40
--| p7,fruit,fig,25
--| p8,veg,leek,7
--| p9,fruit,grape,1
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE ShopSales (
  product_id   STRING,
  category     STRING,
  product_name STRING,
  sales        BIGINT
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/shop_sales.csv', 'format' = 'csv');
CREATE TABLE ranked (product_id STRING, category STRING, product_name STRING, sales BIGINT, row_num BIGINT)
  WITH ('connector' = 'print', 'print-identifier' = 'ranked');
CREATE TABLE unranked (product_id STRING, category STRING, product_name STRING, sales BIGINT)
  WITH ('connector' = 'print', 'print-identifier' = 'unranked');
INSERT INTO ranked
SELECT *
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;
-- omit row_num field from the output
INSERT INTO unranked
SELECT product_id, category, product_name, sales
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS row_num
  FROM ShopSales)
WHERE row_num <= 5;
-- expect stdout (ordered):
--| ranked> +I[p1, fruit, apple, 10, 1]
--| ranked> -U[p1, fruit, apple, 10, 1]
--| ranked> +U[p2, fruit, banana, 30, 1]
--| ranked> +I[p1, fruit, apple, 10, 2]
--| ranked> +I[p3, veg, carrot, 5, 1]
--| ranked> -U[p1, fruit, apple, 10, 2]
--| ranked> +U[p4, fruit, cherry, 20, 2]
--| ranked> +I[p1, fruit, apple, 10, 3]
--| ranked> -U[p2, fruit, banana, 30, 1]
--| ranked> +U[p5, fruit, date, 50, 1]
--| ranked> -U[p4, fruit, cherry, 20, 2]
--| ranked> +U[p2, fruit, banana, 30, 2]
--| ranked> -U[p1, fruit, apple, 10, 3]
--| ranked> +U[p4, fruit, cherry, 20, 3]
--| ranked> +I[p1, fruit, apple, 10, 4]
--| ranked> -U[p2, fruit, banana, 30, 2]
--| ranked> +U[p6, fruit, elder, 40, 2]
--| ranked> -U[p4, fruit, cherry, 20, 3]
--| ranked> +U[p2, fruit, banana, 30, 3]
--| ranked> -U[p1, fruit, apple, 10, 4]
--| ranked> +U[p4, fruit, cherry, 20, 4]
--| ranked> +I[p1, fruit, apple, 10, 5]
--| ranked> -U[p4, fruit, cherry, 20, 4]
--| ranked> +U[p7, fruit, fig, 25, 4]
--| ranked> -U[p1, fruit, apple, 10, 5]
--| ranked> +U[p4, fruit, cherry, 20, 5]
--| ranked> -U[p3, veg, carrot, 5, 1]
--| ranked> +U[p8, veg, leek, 7, 1]
--| ranked> +I[p3, veg, carrot, 5, 2]
--| unranked> +I[p1, fruit, apple, 10]
--| unranked> +I[p2, fruit, banana, 30]
--| unranked> +I[p3, veg, carrot, 5]
--| unranked> +I[p4, fruit, cherry, 20]
--| unranked> +I[p5, fruit, date, 50]
--| unranked> +I[p6, fruit, elder, 40]
--| unranked> -D[p1, fruit, apple, 10]
--| unranked> +I[p7, fruit, fig, 25]
--| unranked> +I[p8, veg, leek, 7]
