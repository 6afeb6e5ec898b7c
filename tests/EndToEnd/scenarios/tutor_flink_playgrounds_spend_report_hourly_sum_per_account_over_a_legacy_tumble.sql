-- scenario: apache/flink-playgrounds table-walkthrough spend report, the windowed solution in SQL: per account SUM(amount) over a legacy GROUP BY TUMBLE(transaction_time, INTERVAL '1' HOUR) with TUMBLE_START as log_ts (the walkthrough's Tumble.over(lit(1).hours()) ... $("log_ts").start()), csv file for kafka, print for MySQL; insert-only, one row per account and hour, the last hour fired by the file's end. Expected rows summed by hand from the file
-- file: input/transactions.csv
--| 1,188,2019-12-31 23:04:12
--| 2,374,2019-12-31 23:11:40
--| 3,112,2019-12-31 23:27:05
--| 1,478,2019-12-31 23:45:59
--| 2,208,2020-01-01 00:02:30
--| 3,379,2020-01-01 00:18:00
--| 1,351,2020-01-01 00:33:33
--| 3,320,2020-01-01 00:59:59
--| 1,259,2020-01-01 01:00:00
--| 2,273,2020-01-01 01:17:45
--| 2,185,2020-01-01 01:38:10
--| 3,451,2020-01-01 01:52:00
--| 1,22,2020-01-01 02:05:00
--| 3,66,2020-01-01 02:40:20
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE transactions (
    account_id  BIGINT,
    amount      BIGINT,
    transaction_time TIMESTAMP(3),
    WATERMARK FOR transaction_time AS transaction_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'filesystem',
    'path'      = '${SCRATCH}/input/transactions.csv',
    'format'    = 'csv'
);
CREATE TABLE spend_report (
    account_id BIGINT,
    log_ts     TIMESTAMP(3),
    amount     BIGINT
) WITH ('connector' = 'print');
INSERT INTO spend_report
SELECT account_id, TUMBLE_START(transaction_time, INTERVAL '1' HOUR) AS log_ts, SUM(amount) AS amount
FROM transactions
GROUP BY account_id, TUMBLE(transaction_time, INTERVAL '1' HOUR);
-- expect stdout (unordered):
--| +I[1, 2019-12-31T23:00, 666]
--| +I[2, 2019-12-31T23:00, 374]
--| +I[3, 2019-12-31T23:00, 112]
--| +I[2, 2020-01-01T00:00, 208]
--| +I[3, 2020-01-01T00:00, 699]
--| +I[1, 2020-01-01T00:00, 351]
--| +I[1, 2020-01-01T01:00, 259]
--| +I[2, 2020-01-01T01:00, 458]
--| +I[3, 2020-01-01T01:00, 451]
--| +I[1, 2020-01-01T02:00, 22]
--| +I[3, 2020-01-01T02:00, 66]
