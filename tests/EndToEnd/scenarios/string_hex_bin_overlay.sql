-- scenario: HEX of integers (Long.toHexString, upper case) and strings (UTF-8 bytes), BIN, and OVERLAY with and without FOR, as in Flink's function reference
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (a STRING, b STRING, c STRING, d STRING, e STRING, f STRING) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT HEX(100), HEX(-1), HEX('hello,world'), BIN(12),
  OVERLAY('This is an old string' PLACING ' new' FROM 10 FOR 5), OVERLAY('abcdef' PLACING 'XY' FROM 2);
-- expect stdout (ordered):
--| +I[64, FFFFFFFFFFFFFFFF, 68656C6C6F2C776F726C64, 1100, This is a new string, aXYdef]
