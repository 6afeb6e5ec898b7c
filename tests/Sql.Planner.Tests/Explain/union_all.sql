EXPLAIN SELECT auction, price FROM bids WHERE channel = 'app'
UNION ALL
SELECT id, CAST(amount AS BIGINT) FROM orders;
