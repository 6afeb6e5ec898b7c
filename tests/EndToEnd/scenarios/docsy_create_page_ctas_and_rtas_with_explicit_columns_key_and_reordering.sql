-- scenario: Flink's CREATE page, CREATE TABLE AS SELECT and [CREATE OR] REPLACE TABLE AS SELECT: explicit columns in the CREATE part come first and a column named in both parts keeps its SELECT position (desc, cost, id, price, quantity, order_time with the watermark); the computed cost is not written (the print sink gets desc NULL, id, price, quantity, order_time); PRIMARY KEY (id) over a NOT NULL SELECT column; listing only the SELECT's names reorders the columns (order_time, price, quantity, id) as INSERT INTO with a column list; REPLACE TABLE of an existing table with columns, watermark and key, as the page's equivalent DROP + CREATE + INSERT (desc is backquoted: it is a reserved word; the page's DISTRIBUTED BY is left out, as the print sink cannot bucket)
-- file: input/source_table.csv
--| 1,2.5,4.0,2020-04-15 08:00:00,a
--| 2,1.0,3.0,2020-04-15 08:01:00,b
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE source_table (id BIGINT NOT NULL, price DOUBLE, quantity DOUBLE, order_time TIMESTAMP(3), name STRING)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/source_table.csv', 'format' = 'csv');
CREATE TABLE my_ctas_table (
    `desc` STRING,
    quantity DOUBLE,
    cost AS price * quantity,
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'print', 'print-identifier' = 'explicit')
AS SELECT id, price, quantity, order_time FROM source_table;
DESCRIBE my_ctas_table;
CREATE TABLE my_pk_table (
    PRIMARY KEY (id) NOT ENFORCED
) WITH ('connector' = 'print', 'print-identifier' = 'keyed')
AS SELECT id, name FROM source_table;
DESCRIBE my_pk_table;
CREATE TABLE my_reordered (
    order_time, price, quantity, id
) WITH ('connector' = 'print', 'print-identifier' = 'reordered')
AS SELECT id, price, quantity, order_time FROM source_table;
DESCRIBE my_reordered;
CREATE TABLE my_rtas_table (x INT) WITH ('connector' = 'blackhole');
REPLACE TABLE my_rtas_table (
    `desc` STRING,
    quantity DOUBLE,
    cost AS price * quantity,
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND,
    PRIMARY KEY (id) NOT ENFORCED
) WITH ('connector' = 'print', 'print-identifier' = 'replaced')
AS SELECT id, price, quantity, order_time FROM source_table;
DESCRIBE my_rtas_table;
-- expect stdout (all, ordered, contains):
--| explicit> +I[null, 1, 2.5, 4.0, 2020-04-15T08:00]
--| explicit> +I[null, 2, 1.0, 3.0, 2020-04-15T08:01]
--| |       desc |                 STRING |  TRUE |     |                         |                                    |
--| |       cost |                 DOUBLE |  TRUE |     | AS `price` * `quantity` |                                    |
--| |         id |                 BIGINT | FALSE |     |                         |                                    |
--| | order_time | TIMESTAMP(3) *ROWTIME* |  TRUE |     |                         | `order_time` - INTERVAL '5' SECOND |
--| keyed> +I[1, a]
--| keyed> +I[2, b]
--| |   id | BIGINT | FALSE | PRI(id) |        |           |
--| reordered> +I[2020-04-15T08:00, 2.5, 4.0, 1]
--| reordered> +I[2020-04-15T08:01, 1.0, 3.0, 2]
--| | order_time | TIMESTAMP(3) |  TRUE |     |        |           |
--| |      price |       DOUBLE |  TRUE |     |        |           |
--| |   quantity |       DOUBLE |  TRUE |     |        |           |
--| |         id |       BIGINT | FALSE |     |        |           |
--| replaced> +I[null, 1, 2.5, 4.0, 2020-04-15T08:00]
--| replaced> +I[null, 2, 1.0, 3.0, 2020-04-15T08:01]
--| |       cost |                 DOUBLE |  TRUE |         | AS `price` * `quantity` |                                    |
--| |         id |                 BIGINT | FALSE | PRI(id) |                         |                                    |
