SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 s';
SET 'table.exec.mini-batch.size' = '1000';
EXPLAIN SELECT bidder, COUNT(*), SUM(price), AVG(price), MIN(price) FROM bids GROUP BY bidder;
