EXPLAIN SELECT COUNT(*), AVG(price), STDDEV_POP(price), BOOL_OR(price > 100) FROM bids;
