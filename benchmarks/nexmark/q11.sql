-- -------------------------------------------------------------------------------------------------
-- Query 11: User sessions (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- How many bids did a user make in each session they were active? Sessions close after 10 seconds
-- without a bid.
--
-- Needs: group window aggregation with SESSION (the GROUP BY SESSION(...) syntax), SESSION_START,
-- SESSION_END, COUNT.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q11 (
    bidder  BIGINT,
    bid_count  BIGINT,
    starttime  TIMESTAMP(3),
    endtime  TIMESTAMP(3)
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q11
SELECT
    B.bidder,
    COUNT(*) AS bid_count,
    SESSION_START(B.`dateTime`, INTERVAL '10' SECOND) AS starttime,
    SESSION_END(B.`dateTime`, INTERVAL '10' SECOND) AS endtime
FROM bid B
GROUP BY B.bidder, SESSION(B.`dateTime`, INTERVAL '10' SECOND);
