-- scenario: confluentinc/tutorials cumulating-windows (Flink SQL): ROUND(SUM(quantity * unit_price), 2) per CUMULATE(5 min step, 10 min max) window over the tutorial's eight orders (a csv file for kafka). A step with no rows has no row ([02:10, 02:15) is missing, as in the tutorial); the file ends, so the 02:30 windows the tutorial's open topic holds back fire too (4 * 8.00 = 32.0). Expected rows: the tutorial's output plus those two
-- file: input/orders.csv
--| 0,100,2,6.98,2023-01-15 02:02:30
--| 1,102,2,9.99,2023-01-15 02:08:00
--| 2,102,1,9.99,2023-01-15 02:19:30
--| 3,203,1,8.10,2023-01-15 02:22:30
--| 4,192,3,6.19,2023-01-15 02:23:20
--| 5,100,3,6.98,2023-01-15 02:25:30
--| 6,100,2,6.98,2023-01-15 02:25:49
--| 7,632,4,8.00,2023-01-15 02:34:30
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (
    order_id INT,
    item_id INT,
    quantity INT,
    unit_price DOUBLE,
    ts TIMESTAMP(3),
    -- declare ts as event time attribute and use strictly ascending timestamp watermark strategy
    WATERMARK FOR ts AS ts
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE revenue (revenue DOUBLE, window_start TIMESTAMP(3), window_end TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO revenue
SELECT ROUND(SUM(quantity * unit_price), 2) AS revenue,
    window_start,
    window_end
FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;
-- expect stdout (unordered):
--| +I[13.96, 2023-01-15T02:00, 2023-01-15T02:05]
--| +I[33.94, 2023-01-15T02:00, 2023-01-15T02:10]
--| +I[9.99, 2023-01-15T02:10, 2023-01-15T02:20]
--| +I[26.67, 2023-01-15T02:20, 2023-01-15T02:25]
--| +I[61.57, 2023-01-15T02:20, 2023-01-15T02:30]
--| +I[32.0, 2023-01-15T02:30, 2023-01-15T02:35]
--| +I[32.0, 2023-01-15T02:30, 2023-01-15T02:40]
