-- -------------------------------------------------------------------------------------------------
-- Query 12: Processing-time windows (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- How many bids does a user make in each 10 seconds of processing time?
--
-- Needs: PROCTIME() in a view, TUMBLE window TVF on a processing-time attribute, window aggregation
-- (COUNT). Its windows depend on the wall clock, so no batch engine computes the same rows: the
-- harness runs it but reports its result as unchecked.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q12 (
    bidder  BIGINT,
    bid_count  BIGINT,
    starttime  TIMESTAMP(3),
    endtime  TIMESTAMP(3)
) WITH (
    'connector' = 'blackhole'
);

CREATE VIEW B AS SELECT *, PROCTIME() AS p_time FROM bid;

INSERT INTO nexmark_q12
SELECT
    bidder,
    COUNT(*) AS bid_count,
    window_start AS starttime,
    window_end AS endtime
FROM TABLE(
    TUMBLE(TABLE B, DESCRIPTOR(p_time), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end;
