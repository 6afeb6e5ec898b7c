-- scenario: CAST from VARIANT to BOOLEAN and numbers succeeds when the target holds the stored value unaltered (Flink's VariantToPrimitiveCastRule): an integer in range, a decimal without rounding, any number as DOUBLE; a JSON null or missing key is NULL; TRY_CAST gives NULL where CAST would fail the job
-- file: input/docs.txt
--| {"id": 1, "qty": 12, "price": 9.50, "ok": true}
--| {"id": 2, "qty": 300, "price": 1e2, "ok": "yes"}
--| {"id": 3, "qty": null, "price": 0.125}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE docs (line STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/docs.txt', 'format' = 'raw');
CREATE TABLE print_sink (id INT, qty_small TINYINT, qty BIGINT, price DOUBLE, price_dec DECIMAL(6, 2), ok BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT CAST(v['id'] AS INT), TRY_CAST(v['qty'] AS TINYINT), CAST(v['qty'] AS BIGINT), CAST(v['price'] AS DOUBLE),
       TRY_CAST(v['price'] AS DECIMAL(6, 2)), TRY_CAST(v['ok'] AS BOOLEAN)
FROM (SELECT PARSE_JSON(line) AS v FROM docs);
-- expect stdout (unordered):
--| +I[1, 12, 12, 9.5, 9.50, true]
--| +I[2, null, 300, 100.0, null, null]
--| +I[3, null, null, 0.125, null, null]
