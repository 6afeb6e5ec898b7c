-- scenario: CAST keeps its operand's nullability (Flink's SqlCastFunction.deriveType: the target type made nullable only when the operand is, whatever the cast can fail on at run time), TRY_CAST is always nullable, IFNULL/COALESCE with a NOT NULL argument are NOT NULL: a CREATE TABLE ... AS SELECT over a NOT NULL column describes its cast columns NOT NULL; the same cast over a nullable column stays nullable
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,
--| 3,42,300
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT NOT NULL, bidder STRING NOT NULL, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE bid_texts WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv')
AS SELECT CAST(id AS STRING) AS id_text, CAST(id * 10 AS BIGINT) AS id_big, CAST(price AS BIGINT) AS price_big,
  TRY_CAST(bidder AS INT) AS bidder_num, TRY_CAST(id AS BIGINT) AS id_try, IFNULL(price, 0) AS price_or_zero, COALESCE(price, id) AS price_or_id
FROM bids;
DESCRIBE bid_texts;
-- expect stdout (all, ordered, contains):
--| +---------------+--------+-------+-----+--------+-----------+
--| |          name |   type |  null | key | extras | watermark |
--| +---------------+--------+-------+-----+--------+-----------+
--| |       id_text | STRING | FALSE |     |        |           |
--| |        id_big | BIGINT | FALSE |     |        |           |
--| |     price_big | BIGINT |  TRUE |     |        |           |
--| |    bidder_num |    INT |  TRUE |     |        |           |
--| |        id_try | BIGINT |  TRUE |     |        |           |
--| | price_or_zero |    INT | FALSE |     |        |           |
--| |   price_or_id |    INT | FALSE |     |        |           |
--| +---------------+--------+-------+-----+--------+-----------+
--| 7 rows in set
-- expect files ${SCRATCH}/out (unordered):
--| 1,10,150,,1,150,150
--| 2,20,,,2,0,2
--| 3,30,300,42,3,300,300
