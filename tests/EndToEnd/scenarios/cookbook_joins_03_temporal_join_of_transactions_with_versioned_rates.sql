-- scenario: ververica/flink-sql-cookbook joins/03_kafka_join: JOIN currency_rates FOR SYSTEM_TIME AS OF t.transaction_time, the rates a filesystem table with a primary key and a watermark in place of upsert-kafka: each transaction takes the rate of its currency valid at its time (none before a currency's first rate, none for an unknown currency); DECIMAL(10,2) * DECIMAL(6,4) is DECIMAL(17,6). Expected rows derived by hand from Flink's documented semantics
-- file: input/rates.csv
--| EUR,1.0000,2020-12-16 22:00:00
--| USD,0.8200,2020-12-16 22:00:00
--| USD,0.8300,2020-12-16 22:05:00
--| GBP,1.1000,2020-12-16 22:06:00
--| USD,0.8100,2020-12-16 22:10:00
-- file: input/tx.csv
--| t1,USD,100.00,2020-12-16 22:01:00
--| t2,USD,10.50,2020-12-16 22:06:00
--| t3,EUR,3.25,2020-12-16 22:07:00
--| t4,GBP,20.00,2020-12-16 22:05:59
--| t5,USD,1.00,2020-12-16 22:11:00
--| t6,JPY,5.00,2020-12-16 22:11:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TEMPORARY TABLE currency_rates (
  `currency_code` STRING,
  `eur_rate` DECIMAL(6,4),
  `rate_time` TIMESTAMP(3),
  WATERMARK FOR `rate_time` AS rate_time - INTERVAL '15' SECOND,
  PRIMARY KEY (currency_code) NOT ENFORCED
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/rates.csv', 'format' = 'csv');

CREATE TEMPORARY TABLE transactions (
  `id` STRING,
  `currency_code` STRING,
  `total` DECIMAL(10,2),
  `transaction_time` TIMESTAMP(3),
  WATERMARK FOR `transaction_time` AS transaction_time - INTERVAL '30' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/tx.csv', 'format' = 'csv');
CREATE TABLE o1 (id STRING, total_eur DECIMAL(17,6), total DECIMAL(10,2), currency_code STRING, transaction_time TIMESTAMP(3)) WITH ('connector'='print');
INSERT INTO o1
SELECT 
  t.id,
  t.total * c.eur_rate AS total_eur,
  t.total, 
  c.currency_code,
  t.transaction_time
FROM transactions t
JOIN currency_rates FOR SYSTEM_TIME AS OF t.transaction_time AS c
ON t.currency_code = c.currency_code;
-- expect stdout (unordered):
--| +I[t1, 82.000000, 100.00, USD, 2020-12-16T22:01]
--| +I[t2, 8.715000, 10.50, USD, 2020-12-16T22:06]
--| +I[t3, 3.250000, 3.25, EUR, 2020-12-16T22:07]
--| +I[t5, 0.810000, 1.00, USD, 2020-12-16T22:11]
