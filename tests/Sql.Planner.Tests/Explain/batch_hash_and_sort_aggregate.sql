SET 'execution.runtime-mode' = 'batch';
EXPLAIN SELECT bidder, COUNT(*) AS n, MAX(price) AS hi, MIN(channel) AS first_channel FROM bids GROUP BY bidder;
