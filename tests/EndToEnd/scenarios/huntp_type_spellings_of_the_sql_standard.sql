-- scenario: Flink's parser accepts the standard's type spellings: CHARACTER VARYING, CHAR VARYING, BINARY VARYING, DOUBLE PRECISION, DEC, NUMERIC, INTEGER, TIMESTAMP/TIME WITHOUT TIME ZONE, WITH LOCAL TIME ZONE, INTERVAL types, T ARRAY, ROW(...)
-- file: input/rows.csv
--| 1,ab,2.5,1.25,7,2024-01-05 10:11:12,10:11:12
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE src (
  id INTEGER NOT NULL,
  name CHARACTER VARYING(10),
  price DOUBLE PRECISION,
  amount DEC(5, 2),
  qty NUMERIC,
  ts TIMESTAMP(3) WITHOUT TIME ZONE,
  t TIME WITHOUT TIME ZONE
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rows.csv', 'format' = 'csv');
CREATE TABLE print_sink (
  id INT, name CHAR VARYING(10), price DOUBLE, amount DECIMAL(5, 2), qty DECIMAL(10, 0), ts TIMESTAMP(3), t TIME(0),
  types STRING, ltz_type STRING, tags STRING ARRAY, r ROW(a INT, b STRING), bin BINARY VARYING(4), day_span BOOLEAN, month_span BOOLEAN
) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, name, price, amount, qty, ts, t,
  TYPEOF(name) || ' ' || TYPEOF(price) || ' ' || TYPEOF(amount) || ' ' || TYPEOF(qty) || ' ' || TYPEOF(ts) || ' ' || TYPEOF(t),
  TYPEOF(CAST(ts AS TIMESTAMP(3) WITH LOCAL TIME ZONE)),
  CAST(ARRAY[name, 'x'] AS STRING ARRAY),
  CAST(ROW(id, name) AS ROW<a INT, b STRING>),
  CAST(X'0102' AS BINARY VARYING(4)),
  CAST(NULL AS INTERVAL DAY(2) TO SECOND(3)) IS NULL,
  CAST(INTERVAL '2' YEAR AS INTERVAL YEAR TO MONTH) = INTERVAL '24' MONTH
FROM src;
-- expect stdout (unordered):
--| +I[1, ab, 2.5, 1.25, 7, 2024-01-05T10:11:12, 10:11:12, VARCHAR(10) DOUBLE DECIMAL(5, 2) DECIMAL(10, 0) TIMESTAMP(3) TIME(0), TIMESTAMP_LTZ(3), [ab, x], +I[1, ab], [1, 2], true, true]
