-- scenario: CURRENT_WATERMARK exists and only accepts a rowtime attribute (a column with a WATERMARK); on another column the error says so and points at the call
-- sql:
CREATE TABLE events (id INT, ts TIMESTAMP(3), other TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
EXPLAIN INSERT INTO print_sink SELECT id FROM events WHERE CURRENT_WATERMARK(ts) IS NULL OR ts > CURRENT_WATERMARK(ts);
INSERT INTO print_sink SELECT id FROM events WHERE other > CURRENT_WATERMARK(other);
-- expect error: rowtime attribute
-- expect error: job.sql:5:60
-- expect caret under: CURRENT_WATERMARK(other)
