-- scenario: CONV(num, fromBase, toBase) as Flink's ConvFunctionITCase: integers and their text, a negative toBase prints signed, a negative number to a positive base is its 64-bit two's complement, overflow gives 2^64 - 1, NULL for NULL operands, digits the base does not have and bases outside 2..36
-- file: input/numbers.csv
--| 1,44,facebook,10,16
--| 2,100,18446744073709551615,10,-10
--| 3,-1,38446744073709551615,10,10
--| 4,7,This is a test String.,10,16
--| 5,43,1111,-10,16
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE numbers (id INT, n BIGINT, s STRING, f INT, t INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/numbers.csv', 'format' = 'csv');
CREATE TABLE print_sink (id INT, num_hex STRING, num_signed_octal STRING, num_hex_signed STRING, text_conv STRING, text_base36 STRING, bin_to_dec STRING, null_base STRING)
  WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, CONV(n, 10, 16), CONV(n, 10, -8), CONV(n, 10, -16), CONV(s, f, t), CONV(s, 36, 16), CONV(s, 2, 10), CONV(n, NULLIF(f, 10), 2) FROM numbers;
-- expect stdout (unordered):
--| +I[1, 2C, 54, 2C, null, 116ED2B2FB4, null, null]
--| +I[2, 64, 144, 64, -1, FFFFFFFFFFFFFFFF, null, null]
--| +I[3, FFFFFFFFFFFFFFFF, -1, -1, 18446744073709551615, FFFFFFFFFFFFFFFF, null, null]
--| +I[4, 7, 7, 7, null, null, null, null]
--| +I[5, 2B, 53, 2B, null, BB75, 15, null]
