-- -------------------------------------------------------------------------------------------------
-- Query 2: Selection
-- -------------------------------------------------------------------------------------------------
-- Finds the bids of every 123rd auction and shows their price. (The original CQL query picked five
-- auction ids, which yields only a few hundred rows on a stream of any size.)
--
-- Needs: filter, MOD on BIGINT.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q2 (
    auction  BIGINT,
    price  BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q2
SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0;
