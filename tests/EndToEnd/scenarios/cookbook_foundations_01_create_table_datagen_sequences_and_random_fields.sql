-- scenario: ververica/flink-sql-cookbook foundations/01_create_table: the recipe's datagen table, its two id columns made sequences (1..5, 101..105, which also bound it) and price / order_time left random (so only their presence is checked). Expected rows derived by hand from Flink's documented semantics
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (
    order_uid  BIGINT,
    product_id BIGINT,
    price      DECIMAL(32, 2),
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'datagen',
    'fields.order_uid.kind' = 'sequence', 'fields.order_uid.start' = '1', 'fields.order_uid.end' = '5',
    'fields.product_id.kind' = 'sequence', 'fields.product_id.start' = '101', 'fields.product_id.end' = '105'
);
CREATE TABLE o1 (order_uid BIGINT, product_id BIGINT, has_price BOOLEAN, has_time BOOLEAN) WITH ('connector'='print');
INSERT INTO o1 SELECT order_uid, product_id, price IS NOT NULL, order_time IS NOT NULL FROM orders;
-- expect stdout (ordered):
--| +I[1, 101, true, true]
--| +I[2, 102, true, true]
--| +I[3, 103, true, true]
--| +I[4, 104, true, true]
--| +I[5, 105, true, true]
