-- -------------------------------------------------------------------------------------------------
-- Query 13: Bounded side input join (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- Enriches each bid from a bounded side input (a file of 10,000 rows `i,i`) by a processing-time
-- lookup: basic stream enrichment. ${NEXMARK_DIR} is a directory the harness makes for the run and
-- writes data/side_input.txt into.
--
-- Needs: PROCTIME(), a lookup join (FOR SYSTEM_TIME AS OF) against a filesystem csv table, MOD.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE side_input (
    key  BIGINT,
    `value`  VARCHAR
) WITH (
    'connector' = 'filesystem',
    'path' = 'file://${NEXMARK_DIR}/data/side_input.txt',
    'format' = 'csv'
);

CREATE TABLE nexmark_q13 (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    `dateTime`  TIMESTAMP(3),
    `value`  VARCHAR
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q13
SELECT
    B.auction,
    B.bidder,
    B.price,
    B.`dateTime`,
    S.`value`
FROM (SELECT *, PROCTIME() AS p_time FROM bid) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON MOD(B.auction, 10000) = S.key;
