-- scenario: a canal-json UPDATE's -U row takes each field from "old" when "old" names it and from "data" otherwise, as Flink's CanalJsonDeserializationSchema (FLINK-19446: an explicit null in "old" is the old value; a field that only another element of "old" names is NULL, since Flink asks old.findValue(name) of the whole array)
-- file: input/products.json
--| {"data":[{"id":"1","price":"1.00","city":"A"},{"id":"2","price":"2.00","city":"B"}],"old":null,"type":"INSERT","database":"shop","table":"products"}
--| {"data":[{"id":"1","price":"5.00","city":"A"},{"id":"2","price":"2.00","city":"C"}],"old":[{"price":"1.00"},{"city":"B"}],"type":"UPDATE","database":"shop","table":"products"}
--| {"data":[{"id":"1","price":"5.00","city":null}],"old":[{"city":"A"}],"type":"UPDATE","database":"shop","table":"products"}
--| {"data":[{"id":"1","price":"5.00","city":"Z"}],"old":[{"city":null}],"type":"UPDATE","database":"shop","table":"products"}
--| {"data":[{"id":"2","price":"2.00","city":"C"}],"old":null,"type":"DELETE","database":"shop","table":"products"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE products (id INT, price DECIMAL(5, 2), city STRING) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/products.json', 'format' = 'canal-json');
CREATE TABLE changes (id INT, price DECIMAL(5, 2), city STRING) WITH ('connector' = 'print');
INSERT INTO changes SELECT * FROM products;
-- expect stdout (ordered):
--| +I[1, 1.00, A]
--| +I[2, 2.00, B]
--| -U[1, 1.00, null]
--| +U[1, 5.00, A]
--| -U[2, null, B]
--| +U[2, 2.00, C]
--| -U[1, 5.00, A]
--| +U[1, 5.00, null]
--| -U[1, 5.00, null]
--| +U[1, 5.00, Z]
--| -D[2, 2.00, C]
