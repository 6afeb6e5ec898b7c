-- -------------------------------------------------------------------------------------------------
-- Query 0: Pass through (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- Measures the cost of the engine itself, source generator included: every bid goes to the sink
-- unchanged.
--
-- Needs: projection.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q0 (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q0
SELECT auction, bidder, price, `dateTime`, extra FROM bid;
