-- scenario: apache/flink-playgrounds table-walkthrough spend report, the common homework variant ("every hour, each account's average transaction over the last five hours", a sliding window) in SQL: AVG(amount) of a BIGINT column (a BIGINT, truncated) per account over HOP(TABLE transactions, DESCRIPTOR(transaction_time), INTERVAL '1' HOUR, INTERVAL '5' HOURS), with window_start and window_end, into print. Every window holding a row of the account is emitted once (five per hour with rows), all fired by the file's end. Expected rows computed from the file (integer average of each window's amounts)
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
    window_start TIMESTAMP(3),
    window_end TIMESTAMP(3),
    amount     BIGINT
) WITH ('connector' = 'print');
INSERT INTO spend_report
SELECT account_id, window_start, window_end, AVG(amount) AS amount
FROM TABLE(HOP(TABLE transactions, DESCRIPTOR(transaction_time), INTERVAL '1' HOUR, INTERVAL '5' HOURS))
GROUP BY account_id, window_start, window_end;
-- expect stdout (unordered):
--| +I[1, 2019-12-31T19:00, 2020-01-01T00:00, 333]
--| +I[1, 2019-12-31T20:00, 2020-01-01T01:00, 339]
--| +I[1, 2019-12-31T21:00, 2020-01-01T02:00, 319]
--| +I[1, 2019-12-31T22:00, 2020-01-01T03:00, 259]
--| +I[1, 2019-12-31T23:00, 2020-01-01T04:00, 259]
--| +I[1, 2020-01-01T00:00, 2020-01-01T05:00, 210]
--| +I[1, 2020-01-01T01:00, 2020-01-01T06:00, 140]
--| +I[1, 2020-01-01T02:00, 2020-01-01T07:00, 22]
--| +I[2, 2019-12-31T19:00, 2020-01-01T00:00, 374]
--| +I[2, 2019-12-31T20:00, 2020-01-01T01:00, 291]
--| +I[2, 2019-12-31T21:00, 2020-01-01T02:00, 260]
--| +I[2, 2019-12-31T22:00, 2020-01-01T03:00, 260]
--| +I[2, 2019-12-31T23:00, 2020-01-01T04:00, 260]
--| +I[2, 2020-01-01T00:00, 2020-01-01T05:00, 222]
--| +I[2, 2020-01-01T01:00, 2020-01-01T06:00, 229]
--| +I[3, 2019-12-31T19:00, 2020-01-01T00:00, 112]
--| +I[3, 2019-12-31T20:00, 2020-01-01T01:00, 270]
--| +I[3, 2019-12-31T21:00, 2020-01-01T02:00, 315]
--| +I[3, 2019-12-31T22:00, 2020-01-01T03:00, 265]
--| +I[3, 2019-12-31T23:00, 2020-01-01T04:00, 265]
--| +I[3, 2020-01-01T00:00, 2020-01-01T05:00, 304]
--| +I[3, 2020-01-01T01:00, 2020-01-01T06:00, 258]
--| +I[3, 2020-01-01T02:00, 2020-01-01T07:00, 66]
