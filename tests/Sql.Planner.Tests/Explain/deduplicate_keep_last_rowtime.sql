-- Nexmark q18's form: the last bid of each bidder on each auction by rowtime, the rank number not selected (a Deduplicate).
EXPLAIN SELECT auction, bidder, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY ts DESC) AS rank_number FROM bids) WHERE rank_number <= 1
