-- scenario: aggregates over a changelog (debezium-json: inserts, deletes, updates) as Flink's BuiltInAggregateFunctionTestBase runs them, with the inputs and final values of ArrayAggFunctionITCase (ARRAY_AGG, ARRAY_AGG(DISTINCT ... IGNORE NULLS)) and MathAggFunctionITCase (STDDEV_POP/SAMP, VAR_POP/SAMP retracted to one value or none); FIRST_VALUE/LAST_VALUE of TIME/DATE/TIMESTAMP/INTERVAL/ARRAY values as MiscAggFunctionITCase
-- file: input/arrays.json
--| {"before":null,"after":{"f0":"A","f1":1},"op":"c"}
--| {"before":null,"after":{"f0":"A","f1":2},"op":"c"}
--| {"before":null,"after":{"f0":"B","f1":2},"op":"c"}
--| {"before":null,"after":{"f0":"B","f1":2},"op":"c"}
--| {"before":null,"after":{"f0":"B","f1":3},"op":"c"}
--| {"before":null,"after":{"f0":"C","f1":3},"op":"c"}
--| {"before":null,"after":{"f0":"C","f1":null},"op":"c"}
--| {"before":null,"after":{"f0":"D","f1":null},"op":"c"}
--| {"before":null,"after":{"f0":"E","f1":4},"op":"c"}
--| {"before":null,"after":{"f0":"E","f1":5},"op":"c"}
--| {"before":{"f0":"E","f1":5},"after":null,"op":"d"}
--| {"before":{"f0":"E","f1":4},"after":{"f0":"E","f1":6},"op":"u"}
-- file: input/doubles.json
--| {"before":null,"after":{"f0":"A","f1":null},"op":"c"}
--| {"before":null,"after":{"f0":"B","f1":0.27},"op":"c"}
--| {"before":null,"after":{"f0":"B","f1":null},"op":"c"}
--| {"before":{"f0":"B","f1":0.27},"after":null,"op":"d"}
--| {"before":null,"after":{"f0":"C","f1":0.27},"op":"c"}
--| {"before":null,"after":{"f0":"C","f1":0.28},"op":"c"}
--| {"before":null,"after":{"f0":"C","f1":null},"op":"c"}
--| {"before":null,"after":{"f0":"C","f1":null},"op":"c"}
--| {"before":null,"after":{"f0":"C","f1":null},"op":"c"}
--| {"before":{"f0":"C","f1":null},"after":null,"op":"d"}
--| {"before":{"f0":"C","f1":0.27},"after":{"f0":"C","f1":0.3},"op":"u"}
--| {"before":{"f0":"C","f1":0.27},"after":null,"op":"d"}
--| {"before":{"f0":"C","f1":0.3},"after":null,"op":"d"}
--| {"before":{"f0":"C","f1":0.28},"after":null,"op":"d"}
--| {"before":null,"after":{"f0":"C","f1":0.27},"op":"c"}
--| {"before":null,"after":{"f0":"C","f1":0.5},"op":"c"}
--| {"before":null,"after":{"f0":"D","f1":0.27},"op":"c"}
--| {"before":null,"after":{"f0":"D","f1":0.28},"op":"c"}
--| {"before":null,"after":{"f0":"D","f1":0.29},"op":"c"}
--| {"before":{"f0":"D","f1":0.28},"after":null,"op":"d"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE arrays (f0 STRING, f1 INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/arrays.json', 'format' = 'debezium-json');
CREATE TABLE doubles (f0 STRING, f1 DOUBLE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/doubles.json', 'format' = 'debezium-json');
CREATE TABLE array_print (k STRING, all_values ARRAY<INT>, distinct_values ARRAY<INT>) WITH ('connector' = 'print', 'print-identifier' = 'array');
INSERT INTO array_print SELECT f0, ARRAY_AGG(f1), ARRAY_AGG(DISTINCT f1 IGNORE NULLS) FROM arrays GROUP BY f0;
CREATE TABLE var_print (k STRING, stddev_pop DOUBLE, stddev_samp DOUBLE, var_pop DOUBLE, var_samp DOUBLE) WITH ('connector' = 'print', 'print-identifier' = 'var');
INSERT INTO var_print SELECT f0, ROUND(STDDEV_POP(f1), 6), ROUND(STDDEV_SAMP(f1), 6), ROUND(VAR_POP(f1), 6), ROUND(VAR_SAMP(f1), 6) FROM doubles GROUP BY f0;
CREATE TABLE value_print (k STRING, first_time TIME(3), last_time TIME(3), first_date DATE, last_ts TIMESTAMP(6), first_months INTERVAL MONTH, last_seconds INTERVAL SECOND(3), last_array ARRAY<INT>) WITH ('connector' = 'print', 'print-identifier' = 'value');
INSERT INTO value_print SELECT f0, FIRST_VALUE(f1), LAST_VALUE(f1), FIRST_VALUE(f2), LAST_VALUE(f3), FIRST_VALUE(f5), LAST_VALUE(f6), LAST_VALUE(f7) FROM (VALUES
  ('A', TIME '12:00:00', DATE '1970-01-01', CAST(TIMESTAMP '1970-01-01 12:00:00' AS TIMESTAMP(6)), INTERVAL '2' MONTH, INTERVAL '123' MINUTE, ARRAY[1, 2, 3]),
  ('A', TIME '12:34:56.123', DATE '2021-09-24', CAST(TIMESTAMP '2021-09-24 12:34:56.1234567' AS TIMESTAMP(6)), INTERVAL '5' MONTH, INTERVAL '321' MINUTE, ARRAY[4, 5, 6]),
  ('B', TIME '12:00:00', DATE '1970-01-01', CAST(TIMESTAMP '1970-01-01 00:00:00' AS TIMESTAMP(6)), INTERVAL '3' MONTH, INTERVAL '123' MINUTE, ARRAY[7, 8, 9])) AS t(f0, f1, f2, f3, f5, f6, f7)
GROUP BY f0;
-- expect stdout (unordered, contains):
--| array> +I[A, [1], [1]]
--| array> -U[A, [1], [1]]
--| array> +U[A, [1, 2], [1, 2]]
--| array> +I[B, [2], [2]]
--| array> -U[B, [2], [2]]
--| array> +U[B, [2, 2], [2]]
--| array> -U[B, [2, 2], [2]]
--| array> +U[B, [2, 2, 3], [2, 3]]
--| array> +I[C, [3], [3]]
--| array> -U[C, [3], [3]]
--| array> +U[C, [3, null], [3]]
--| array> +I[D, [null], null]
--| array> +I[E, [4], [4]]
--| array> -U[E, [4], [4]]
--| array> +U[E, [4, 5], [4, 5]]
--| array> -U[E, [4, 5], [4, 5]]
--| array> +U[E, [4], [4]]
--| array> -D[E, [4], [4]]
--| array> +I[E, [6], [6]]
--| var> +I[A, null, null, null, null]
--| var> +U[B, null, null, null, null]
--| var> +U[C, 0.0, null, 0.0, null]
--| var> +U[D, 0.01, 0.014142, 1.0E-4, 2.0E-4]
--| value> +I[A, 12:00, 12:00, 1970-01-01, 1970-01-01T12:00, P2M, PT2H3M, [1, 2, 3]]
--| value> -U[A, 12:00, 12:00, 1970-01-01, 1970-01-01T12:00, P2M, PT2H3M, [1, 2, 3]]
--| value> +U[A, 12:00, 12:34:56.123, 1970-01-01, 2021-09-24T12:34:56.123456, P2M, PT5H21M, [4, 5, 6]]
--| value> +I[B, 12:00, 12:00, 1970-01-01, 1970-01-01T00:00, P3M, PT2H3M, [7, 8, 9]]
