EXPLAIN SELECT auction, price FROM bids WHERE price > 100;
