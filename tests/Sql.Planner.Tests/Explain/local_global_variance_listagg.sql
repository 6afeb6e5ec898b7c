SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '1 s';
SET 'table.exec.mini-batch.size' = '1000';
EXPLAIN SELECT bidder, STDDEV_POP(price), LISTAGG(channel) FROM bids GROUP BY bidder;
