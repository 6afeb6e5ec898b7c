EXPLAIN
SELECT channel, COUNT(*) AS n, COUNT(DISTINCT bidder) AS bidders, SUM(price) FILTER (WHERE price > 10) AS big, MAX(price), LISTAGG(url, '|')
FROM bids
WHERE auction > 0
GROUP BY channel
HAVING COUNT(*) > 1;
