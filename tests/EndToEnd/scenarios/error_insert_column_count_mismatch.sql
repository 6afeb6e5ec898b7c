-- scenario: inserting a query with more columns than the sink fails before running, naming the sink (Flink: "Column types of query result and sink for '...' do not match. Cause: Different number of columns.")
-- sql:
CREATE TABLE src (id INT, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id, price FROM src;
-- expect error: print_sink
-- expect error: column
-- expect exit: non-zero
-- expect stdout (unordered):
