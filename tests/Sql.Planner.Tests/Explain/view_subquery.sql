CREATE VIEW expensive AS SELECT auction, price * 2 AS doubled, channel FROM bids WHERE price > 10;
EXPLAIN SELECT a FROM (SELECT auction AS a, doubled FROM expensive) AS t WHERE doubled < 1000 + 1;
