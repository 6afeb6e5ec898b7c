-- scenario: confluentinc/tutorials deduplication (Flink SQL): ROW_NUMBER() OVER (PARTITION BY ip_address ORDER BY TO_TIMESTAMP(FROM_UNIXTIME(click_ts_raw))) ... WHERE rownum = 1, FROM_UNIXTIME in UTC as in the tutorial's containers. The ORDER BY is a computed TIMESTAMP, not a time attribute, so Flink plans no deduplication but a Top-1 rank over an insert-only input, which Flink (AppendFastStrategy, rank range 1..1) runs as FastTop1Function: the first click of an ip is +I, an equal repeat is not better (nothing), and 10.0.0.12's earlier click arriving second replaces the later one as an update (-U of it, +U of the new one: the partition key is unique in a Top-1). The final rows are the tutorial's three. Expected changelog derived from FastTop1Function.processElement
-- file: input/clicks.csv
--| 10.0.0.1,https://acme.com/index.html,1692812175
--| 10.0.0.12,https://amazon.com/index.html,1692826575
--| 10.0.0.13,https://confluent/index.html,1692826575
--| 10.0.0.1,https://acme.com/index.html,1692812175
--| 10.0.0.12,https://amazon.com/index.html,1692819375
--| 10.0.0.13,https://confluent/index.html,1692826575
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TABLE clicks (
    ip_address VARCHAR,
    url VARCHAR,
    click_ts_raw BIGINT
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE deduplicated_clicks (ip_address STRING, url STRING, click_timestamp STRING) WITH ('connector' = 'print');
INSERT INTO deduplicated_clicks
SELECT ip_address, url, FROM_UNIXTIME(click_ts_raw) as click_timestamp
FROM (
       SELECT *,
       ROW_NUMBER() OVER ( PARTITION BY ip_address ORDER BY TO_TIMESTAMP(FROM_UNIXTIME(click_ts_raw)) ) as rownum FROM clicks
      )
WHERE rownum = 1;
-- expect stdout (ordered):
--| +I[10.0.0.1, https://acme.com/index.html, 2023-08-23 17:36:15]
--| +I[10.0.0.12, https://amazon.com/index.html, 2023-08-23 21:36:15]
--| +I[10.0.0.13, https://confluent/index.html, 2023-08-23 21:36:15]
--| -U[10.0.0.12, https://amazon.com/index.html, 2023-08-23 21:36:15]
--| +U[10.0.0.12, https://amazon.com/index.html, 2023-08-23 19:36:15]
