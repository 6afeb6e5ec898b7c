-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/11_window_top_n: ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) <= 3 over a TUMBLE(10 MINUTES) SUM/COUNT per supplier: only final rows, each window's top 3 with their number. Expected rows derived by hand from Flink's documented semantics
-- file: input/wt_orders.csv
--| 2020-12-19 10:01:00,10.5,Lamp,Alice
--| 2020-12-19 10:02:00,20.0,Chair,Bob
--| 2020-12-19 10:03:00,5.25,Desk,Carol
--| 2020-12-19 10:04:00,7.0,Lamp,Alice
--| 2020-12-19 10:05:00,1.0,Pen,Joe
--| 2020-12-19 10:11:00,3.0,Pen,Bob
--| 2020-12-19 10:12:00,4.0,Pen,Jack
--| 2020-12-19 10:13:00,2.5,Pen,Jane
--| 2020-12-19 10:14:00,9.75,Cup,Alice
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders ( 
    bidtime TIMESTAMP(3),
    price DOUBLE, 
    item STRING,
    supplier STRING,
    WATERMARK FOR bidtime AS bidtime - INTERVAL '5' SECONDS
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/wt_orders.csv', 'format' = 'csv');
CREATE TABLE o1 (window_start TIMESTAMP(3), window_end TIMESTAMP(3), supplier STRING, price DOUBLE, cnt BIGINT, rownum BIGINT) WITH ('connector'='print');
INSERT INTO o1
SELECT *
    FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) as rownum
        FROM (
            SELECT window_start, window_end, supplier, SUM(price) as price, COUNT(*) as cnt
            FROM TABLE(
                TUMBLE(TABLE orders, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
            GROUP BY window_start, window_end, supplier
        )
    ) WHERE rownum <= 3;
-- expect stdout (unordered):
--| +I[2020-12-19T10:00, 2020-12-19T10:10, Bob, 20.0, 1, 1]
--| +I[2020-12-19T10:00, 2020-12-19T10:10, Alice, 17.5, 2, 2]
--| +I[2020-12-19T10:00, 2020-12-19T10:10, Carol, 5.25, 1, 3]
--| +I[2020-12-19T10:10, 2020-12-19T10:20, Alice, 9.75, 1, 1]
--| +I[2020-12-19T10:10, 2020-12-19T10:20, Jack, 4.0, 1, 2]
--| +I[2020-12-19T10:10, 2020-12-19T10:20, Bob, 3.0, 1, 3]
