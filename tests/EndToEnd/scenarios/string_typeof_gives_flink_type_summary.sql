-- scenario: TYPEOF gives the operand's type as Flink's summary string: NOT NULL for literals, STRING for VARCHAR(max), DECIMAL with a space after the comma
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE events (id INT, s STRING, d DECIMAL(5, 2), ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE print_sink (a STRING, b STRING, c STRING, f STRING, g STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT TYPEOF(id), TYPEOF(s), TYPEOF(d), TYPEOF(1), TYPEOF('ab') FROM events;
-- expect stdout (ordered):
--| +I[INT, STRING, DECIMAL(5, 2), INT NOT NULL, CHAR(2) NOT NULL]
