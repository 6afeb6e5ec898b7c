CREATE TABLE out2 (auction BIGINT, price BIGINT) WITH ('connector' = 'blackhole');
EXPLAIN STATEMENT SET BEGIN
  INSERT INTO out_table VALUES (1, 10), (2, 20);
  INSERT INTO out2 (price, auction) SELECT price, auction FROM bids WHERE TRUE AND auction > 5;
END;
