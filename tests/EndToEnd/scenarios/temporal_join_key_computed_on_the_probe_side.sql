-- scenario: an event-time temporal join on a versioned view whose key the probe side computes (a CASE of string literals is CHAR(3), cast to the view's STRING key; UPPER of a column) joins on that value, as Flink does by computing the key below the join, instead of refusing the primary key as not in the equality
-- file: input/orders.csv
--| 1,1,eur,2024-01-15 10:00:02
--| 2,2,gbp,2024-01-15 10:00:06
--| 3,1,eur,2024-01-15 10:00:12
-- file: input/rates.csv
--| EUR,100,2024-01-15 10:00:00
--| GBP,200,2024-01-15 10:00:00
--| EUR,110,2024-01-15 10:00:05
--| GBP,210,2024-01-15 10:00:10
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, code INT, name STRING, ts TIMESTAMP(3), cur AS CASE code WHEN 1 THEN 'EUR' ELSE 'GBP' END,
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.csv', 'format' = 'csv');
CREATE TABLE rates (currency STRING, rate INT, rate_time TIMESTAMP(3), WATERMARK FOR rate_time AS rate_time - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rates.csv', 'format' = 'csv');
CREATE VIEW versioned_rates AS SELECT currency, rate, rate_time
  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY rate_time DESC) AS rn FROM rates) WHERE rn = 1;
CREATE TABLE print_sink (id INT, cur STRING, rate INT, by_name INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT o.id, o.cur, r.rate, n.rate FROM orders AS o
  JOIN versioned_rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.currency
  LEFT JOIN versioned_rates FOR SYSTEM_TIME AS OF o.ts AS n ON UPPER(o.name) = n.currency AND n.rate > 105;
-- expect stdout (unordered):
--| +I[1, EUR, 100, null]
--| +I[2, GBP, 200, 200]
--| +I[3, EUR, 110, 110]
