-- Nexmark q19's form: the top 3 bids of each auction by price, with the rank number (an append-fast Rank).
EXPLAIN SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number FROM bids) WHERE rank_number <= 3
