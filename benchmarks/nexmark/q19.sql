-- -------------------------------------------------------------------------------------------------
-- Query 19: Auction Top-10 price (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- The 10 highest bids of each auction: a Top-N.
--
-- Needs: ROW_NUMBER() OVER (PARTITION BY ... ORDER BY price DESC) with rank <= 10 (Top-N, updating),
-- the rank number in the output, SELECT * expansion.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q19 (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    channel  VARCHAR,
    url  VARCHAR,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR,
    rank_number  BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q19
SELECT * FROM
(SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number FROM bid)
WHERE rank_number <= 10;
