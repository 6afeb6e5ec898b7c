-- scenario: EXECUTE STATEMENT SET runs several INSERTs as one job; print-identifier prefixes each sink's rows
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,carol,300
--| 4,dave,120
--| 5,erin,500
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE cheap (id INT, price INT) WITH ('connector' = 'print', 'print-identifier' = 'cheap');
CREATE TABLE pricey (id INT, price INT) WITH ('connector' = 'print', 'print-identifier' = 'pricey');
EXECUTE STATEMENT SET
BEGIN
  INSERT INTO cheap SELECT id, price FROM bids WHERE price < 130;
  INSERT INTO pricey SELECT id, price FROM bids WHERE price >= 130;
END;
-- expect stdout (unordered):
--| cheap> +I[2, 80]
--| cheap> +I[4, 120]
--| pricey> +I[1, 150]
--| pricey> +I[3, 300]
--| pricey> +I[5, 500]
