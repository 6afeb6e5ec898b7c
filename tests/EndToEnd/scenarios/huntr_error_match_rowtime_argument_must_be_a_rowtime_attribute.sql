-- scenario: MATCH_ROWTIME(col) takes only a rowtime attribute, with Flink's MatchRowTimeFunction message pointing at the argument
-- sql:
CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
SELECT * FROM bids MATCH_RECOGNIZE (PARTITION BY auction ORDER BY ts
  MEASURES MATCH_ROWTIME(price) AS x ONE ROW PER MATCH PATTERN (A) DEFINE A AS TRUE);
-- expect error: The function MATCH_ROWTIME requires argument to be a row time attribute type, but is 'INT'.
-- expect caret under: price) AS x
