CREATE TABLE kafka_bids (
  auction BIGINT,
  price BIGINT,
  kts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  cents AS price * 100,
  WATERMARK FOR kts AS kts - INTERVAL '2' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'bids');
EXPLAIN INSERT INTO out_table SELECT auction, cents FROM kafka_bids WHERE cents > 500;
