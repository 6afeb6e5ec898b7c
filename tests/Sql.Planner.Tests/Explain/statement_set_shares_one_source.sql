CREATE TABLE per_bidder (bidder BIGINT, n BIGINT) WITH ('connector' = 'blackhole');
EXPLAIN STATEMENT SET BEGIN
  INSERT INTO out_table SELECT auction, price FROM bids WHERE price > 10;
  INSERT INTO per_bidder SELECT bidder, COUNT(*) FROM bids GROUP BY bidder;
END;
