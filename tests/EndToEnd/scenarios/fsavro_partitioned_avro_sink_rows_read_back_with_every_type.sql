-- scenario: an INSERT into a partitioned filesystem table of format avro (deflate codec) writes Avro container part files under k=v directories, and a second table over the same directory reads every type back (partition column from the directory, NULLs and empty strings kept; the empty category goes to the default partition, read back as NULL)
-- file: input/orders.csv
--| 1,alice,12.50,2024-01-02,2024-01-02 10:00:01.500,1.5,true,books
--| 2,bob,0.99,2024-02-29,2024-02-29 23:59:59.001,-2.25,false,games
--| 3,,100.00,1999-12-31,1999-12-31 00:00:00.123,,true,books
--| 4,dave,,2024-03-01,2024-03-01 12:30:45.000,0.125,,
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), d DATE, ts TIMESTAMP(3), score DOUBLE, paid BOOLEAN, category STRING)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE orders_avro (id INT, customer STRING, amount DECIMAL(10, 2), d DATE, ts TIMESTAMP(3), score DOUBLE, paid BOOLEAN, category STRING)
  PARTITIONED BY (category)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/avro', 'format' = 'avro', 'avro.codec' = 'deflate');
INSERT INTO orders_avro SELECT * FROM orders;
CREATE TABLE print_sink (id INT, customer STRING, amount DECIMAL(10, 2), d DATE, ts TIMESTAMP(3), score DOUBLE, paid BOOLEAN, category STRING)
  WITH ('connector' = 'print');
INSERT INTO print_sink SELECT * FROM orders_avro;
-- expect stdout (unordered):
--| +I[1, alice, 12.50, 2024-01-02, 2024-01-02T10:00:01.500, 1.5, true, books]
--| +I[2, bob, 0.99, 2024-02-29, 2024-02-29T23:59:59.001, -2.25, false, games]
--| +I[3, , 100.00, 1999-12-31, 1999-12-31T00:00:00.123, null, true, books]
--| +I[4, dave, null, 2024-03-01, 2024-03-01T12:30:45, 0.125, null, null]
