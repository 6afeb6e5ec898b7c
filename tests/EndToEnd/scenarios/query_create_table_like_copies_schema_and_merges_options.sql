-- scenario: CREATE TABLE ... LIKE copies the base table's columns, computed columns and watermark (INCLUDING ALL OVERWRITING OPTIONS by default); EXCLUDING ALL keeps only the physical columns, so a print sink can be declared from its source
-- file: input/orders.csv
--| 1,apple,3
--| 2,pear,5
--| 3,fig,7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, product STRING, qty INT, total AS qty * 10)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/nothing_here.csv', 'format' = 'csv');
CREATE TABLE orders_here WITH ('path' = '${SCRATCH}/input/orders.csv') LIKE orders;
CREATE TABLE order_print WITH ('connector' = 'print') LIKE orders (EXCLUDING ALL);
CREATE TABLE wide_print (note STRING) WITH ('connector' = 'print', 'print-identifier' = 'wide') LIKE orders (EXCLUDING OPTIONS EXCLUDING GENERATED);
INSERT INTO order_print SELECT id, UPPER(product), total FROM orders_here WHERE total > 30;
INSERT INTO wide_print SELECT id, product, qty, 'n' || CAST(total AS STRING) FROM orders_here WHERE id = 1;
-- expect stdout (unordered):
--| +I[2, PEAR, 50]
--| +I[3, FIG, 70]
--| wide> +I[1, apple, 3, n30]
