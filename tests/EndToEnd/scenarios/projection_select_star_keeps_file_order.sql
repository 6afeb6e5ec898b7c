-- scenario: SELECT * passes every column in declaration order, and one file read at parallelism 1 keeps its row order
-- file: input/items.csv
--| 1,apple,3
--| 2,pear,5
--| 3,plum,0
--| 4,fig,12
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE items (id INT, item STRING, qty INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/items.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, item STRING, qty INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT * FROM items;
-- expect stdout (ordered):
--| +I[1, apple, 3]
--| +I[2, pear, 5]
--| +I[3, plum, 0]
--| +I[4, fig, 12]
