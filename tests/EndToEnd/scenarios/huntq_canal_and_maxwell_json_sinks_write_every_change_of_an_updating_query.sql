-- scenario: an updating GROUP BY over debezium-json changes is written into filesystem tables in 'canal-json' and 'maxwell-json' (was refused: "doesn't support consuming update and delete changes"), every change a message as Flink's Canal/MaxwellJsonSerializationSchema writes it (+I and +U as an insert, -U and -D as a delete; the format's timestamp and decimal options apply) — row by row, as Flink without mini-batches writes them (the job runs one-row batches, as for print), and each file reads back as the query's final table
-- file: input/orders.json
--| {"before":null,"after":{"id":1,"cat":"a","v":10},"op":"c"}
--| {"before":null,"after":{"id":2,"cat":"a","v":20},"op":"c"}
--| {"before":null,"after":{"id":3,"cat":"b","v":5},"op":"r"}
--| {"before":{"id":2,"cat":"a","v":20},"after":{"id":2,"cat":"a","v":7},"op":"u"}
--| {"before":{"id":1,"cat":"a","v":10},"after":null,"op":"d"}
--| {"before":{"id":3,"cat":"b","v":5},"after":{"id":3,"cat":"a","v":5},"op":"u"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, cat STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'debezium-json');
CREATE TABLE totals_canal (cat STRING, n BIGINT, total DECIMAL(10, 2), at_ts TIMESTAMP(3)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/canal', 'format' = 'canal-json');
CREATE TABLE totals_maxwell (cat STRING, n BIGINT, total DECIMAL(10, 2), at_ts TIMESTAMP(3)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/maxwell', 'format' = 'maxwell-json', 'maxwell-json.timestamp-format.standard' = 'ISO-8601');
INSERT INTO totals_canal SELECT cat, COUNT(*), CAST(SUM(v) AS DECIMAL(10, 2)), TIMESTAMP '2024-01-02 03:04:05.5' FROM orders GROUP BY cat;
INSERT INTO totals_maxwell SELECT cat, COUNT(*), CAST(SUM(v) AS DECIMAL(10, 2)), TIMESTAMP '2024-01-02 03:04:05.5' FROM orders GROUP BY cat;
CREATE TABLE canal_back (cat STRING, n BIGINT, total DECIMAL(10, 2), at_ts TIMESTAMP(3)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/canal', 'format' = 'canal-json');
CREATE TABLE maxwell_back (cat STRING, n BIGINT, total DECIMAL(10, 2), at_ts TIMESTAMP(3)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/maxwell', 'format' = 'maxwell-json');
CREATE TABLE final_canal (cat STRING, n BIGINT, total DECIMAL(10, 2), at_ts TIMESTAMP(3)) WITH ('connector' = 'print', 'print-identifier' = 'canal');
CREATE TABLE final_maxwell (cat STRING, n BIGINT, total DECIMAL(10, 2)) WITH ('connector' = 'print', 'print-identifier' = 'maxwell');
INSERT INTO final_canal SELECT cat, SUM(n), SUM(total), MAX(at_ts) FROM canal_back GROUP BY cat;
INSERT INTO final_maxwell SELECT cat, SUM(n), SUM(total) FROM maxwell_back GROUP BY cat;
-- expect stdout (unordered):
--| canal> +I[a, 1, 10.00, 2024-01-02T03:04:05.500]
--| canal> -D[a, 1, 10.00, 2024-01-02T03:04:05.500]
--| canal> +I[a, 2, 30.00, 2024-01-02T03:04:05.500]
--| canal> +I[b, 1, 5.00, 2024-01-02T03:04:05.500]
--| canal> -D[a, 2, 30.00, 2024-01-02T03:04:05.500]
--| canal> +I[a, 1, 10.00, 2024-01-02T03:04:05.500]
--| canal> -D[a, 1, 10.00, 2024-01-02T03:04:05.500]
--| canal> +I[a, 2, 17.00, 2024-01-02T03:04:05.500]
--| canal> -D[a, 2, 17.00, 2024-01-02T03:04:05.500]
--| canal> +I[a, 1, 7.00, 2024-01-02T03:04:05.500]
--| canal> -D[b, 1, 5.00, 2024-01-02T03:04:05.500]
--| canal> -D[a, 1, 7.00, 2024-01-02T03:04:05.500]
--| canal> +I[a, 2, 12.00, 2024-01-02T03:04:05.500]
--| maxwell> +I[a, 1, 10.00]
--| maxwell> -D[a, 1, 10.00]
--| maxwell> +I[a, 2, 30.00]
--| maxwell> +I[b, 1, 5.00]
--| maxwell> -D[a, 2, 30.00]
--| maxwell> +I[a, 1, 10.00]
--| maxwell> -D[a, 1, 10.00]
--| maxwell> +I[a, 2, 17.00]
--| maxwell> -D[a, 2, 17.00]
--| maxwell> +I[a, 1, 7.00]
--| maxwell> -D[b, 1, 5.00]
--| maxwell> -D[a, 1, 7.00]
--| maxwell> +I[a, 2, 12.00]
-- expect files ${SCRATCH}/canal (ordered):
--| {"data":[{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"INSERT"}
--| {"data":[{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"DELETE"}
--| {"data":[{"cat":"a","n":2,"total":30.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"INSERT"}
--| {"data":[{"cat":"b","n":1,"total":5.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"INSERT"}
--| {"data":[{"cat":"a","n":2,"total":30.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"DELETE"}
--| {"data":[{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"INSERT"}
--| {"data":[{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"DELETE"}
--| {"data":[{"cat":"a","n":2,"total":17.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"INSERT"}
--| {"data":[{"cat":"a","n":2,"total":17.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"DELETE"}
--| {"data":[{"cat":"a","n":1,"total":7.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"INSERT"}
--| {"data":[{"cat":"b","n":1,"total":5.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"DELETE"}
--| {"data":[{"cat":"a","n":1,"total":7.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"DELETE"}
--| {"data":[{"cat":"a","n":2,"total":12.00,"at_ts":"2024-01-02 03:04:05.5"}],"type":"INSERT"}
-- expect files ${SCRATCH}/maxwell (ordered):
--| {"data":{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"insert"}
--| {"data":{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"delete"}
--| {"data":{"cat":"a","n":2,"total":30.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"insert"}
--| {"data":{"cat":"b","n":1,"total":5.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"insert"}
--| {"data":{"cat":"a","n":2,"total":30.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"delete"}
--| {"data":{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"insert"}
--| {"data":{"cat":"a","n":1,"total":10.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"delete"}
--| {"data":{"cat":"a","n":2,"total":17.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"insert"}
--| {"data":{"cat":"a","n":2,"total":17.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"delete"}
--| {"data":{"cat":"a","n":1,"total":7.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"insert"}
--| {"data":{"cat":"b","n":1,"total":5.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"delete"}
--| {"data":{"cat":"a","n":1,"total":7.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"delete"}
--| {"data":{"cat":"a","n":2,"total":12.00,"at_ts":"2024-01-02T03:04:05.5"},"type":"insert"}
