-- The first StreamSql script: a generated table, a continuous query with a filter.
-- Run it with:  streamsql -f examples/select_datagen.sql
CREATE TABLE orders (
  order_id BIGINT,
  product  STRING,
  amount   INT
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '10',
  'fields.order_id.kind' = 'sequence',
  'fields.order_id.start' = '1',
  'fields.order_id.end' = '10',
  'fields.product.length' = '6',
  'fields.amount.min' = '1',
  'fields.amount.max' = '100'
);

SET 'sql-client.execution.result-mode' = 'tableau';

SELECT order_id, UPPER(product) AS product, amount * 2 AS double_amount
FROM orders
WHERE amount > 50;
