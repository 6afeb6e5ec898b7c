-- -------------------------------------------------------------------------------------------------
-- Query 18: Find last bid (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- The last bid of each bidder on each auction: deduplication keeping the last row.
--
-- Needs: ROW_NUMBER() OVER (PARTITION BY ... ORDER BY rowtime DESC) with rank <= 1 (deduplication,
-- updating), SELECT * expansion.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q18 (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    channel  VARCHAR,
    url  VARCHAR,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q18
SELECT auction, bidder, price, channel, url, `dateTime`, extra
FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY `dateTime` DESC) AS rank_number
    FROM bid
)
WHERE rank_number <= 1;
