-- -------------------------------------------------------------------------------------------------
-- Query 1: Currency conversion
-- -------------------------------------------------------------------------------------------------
-- Converts each bid's price from dollars to euros: a simple transformation.
--
-- Needs: projection, DECIMAL arithmetic (0.908 * BIGINT is DECIMAL(23, 3): the BIGINT is widened to
-- DECIMAL(19, 0) first).
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q1 (
    auction  BIGINT,
    bidder  BIGINT,
    price  DECIMAL(23, 3),
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q1
SELECT
    auction,
    bidder,
    0.908 * price AS price, -- dollars to euros
    `dateTime`,
    extra
FROM bid;
