-- scenario: Nexmark q7 (highest bid) as the nexmark repository writes it: the MAX(price) of each 10 s TUMBLE window with its window_end as `dateTime`, joined back to the bids ON B.price = B1.maxprice WHERE B.`dateTime` BETWEEN B1.`dateTime` - INTERVAL '10' SECOND AND B1.`dateTime` (window_end is no time attribute, so a regular join of two insert-only inputs, insert-only), over a bounded datagen sequence in place of the nexmark source (bid id at id * 50 ms, price id * 7919 % 1000, TIMESTAMP_LTZ time in UTC). A bid equal to a window's maximum within that window's bounds is output, also when it lies in the next window (the bound is inclusive at both ends). Expected rows computed from the sequence
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TABLE bid (id BIGINT, auction AS id * 7919 % 13, bidder AS id % 17, price AS id * 7919 % 1000, `dateTime` AS TO_TIMESTAMP_LTZ(id * 50, 3), extra AS 'x',
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND)
  WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '600');
CREATE TABLE nexmark_q7 (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    `dateTime`  TIMESTAMP_LTZ(3),
    extra  VARCHAR
) WITH (
    'connector' = 'print'
);
INSERT INTO nexmark_q7
SELECT B.auction, B.bidder, B.price, B.`dateTime`, B.extra
FROM bid B
JOIN (
    SELECT MAX(price) AS maxprice, window_end AS `dateTime`
    FROM TABLE(
        TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
    GROUP BY window_start, window_end
) B1
ON B.price = B1.maxprice
WHERE B.`dateTime` BETWEEN B1.`dateTime` - INTERVAL '10' SECOND AND B1.`dateTime`;
-- expect stdout (unordered):
--| +I[8, 3, 987, 1970-01-01T00:00:08.650Z, x]
--| +I[5, 15, 999, 1970-01-01T00:00:16.050Z, x]
--| +I[5, 7, 992, 1970-01-01T00:00:28.400Z, x]
--| +I[4, 5, 400, 1970-01-01T00:00:30Z, x]
