-- -------------------------------------------------------------------------------------------------
-- Query 7: Highest bid
-- -------------------------------------------------------------------------------------------------
-- The highest bids of each 10-second period (the original: each minute), found by joining the bids
-- with the per-window maximum (a side input that fans out).
--
-- Needs: TUMBLE window TVF, window aggregation (MAX), a join with an equality key and a time range
-- (BETWEEN window end - 10 s and window end).
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q7 (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR
) WITH (
    'connector' = 'blackhole'
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
