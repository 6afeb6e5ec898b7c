-- -------------------------------------------------------------------------------------------------
-- Query 6: Average selling price by seller
-- -------------------------------------------------------------------------------------------------
-- The average selling price of each seller's last 10 closed auctions. Shares the "winning bids" core
-- of Query 4. (Flink itself cannot run it: its OVER aggregation does not consume the retractions
-- that the Top-1 produces. Before planning, Flink and StreamSql both refuse it for its sink, whose
-- `seller VARCHAR` does not take the BIGINT seller: kept as Flink's nexmark file declares it.)
--
-- Needs: regular join with BETWEEN on times, ROW_NUMBER Top-1 (updating), OVER aggregation
-- (ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) over an updating input.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q6 (
    seller  VARCHAR,
    avg_price  BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q6
SELECT
    Q.seller,
    AVG(Q.price) OVER
        (PARTITION BY Q.seller ORDER BY Q.`dateTime` ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
FROM (
    SELECT seller, price, `dateTime`
    FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY id, seller ORDER BY price DESC) AS rownum
        FROM (
            SELECT A.id, A.seller, B.price, B.`dateTime`
            FROM auction AS A, bid AS B
            WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
        )
    )
    WHERE rownum <= 1
) AS Q;
