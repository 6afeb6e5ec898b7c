-- -------------------------------------------------------------------------------------------------
-- Query 10: Log to file system (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- Logs every bid into a file system directory partitioned by day and minute.
--
-- Needs: DATE_FORMAT, a partitioned filesystem sink (PARTITIONED BY) with partition commit
-- ('sink.partition-commit.*') and rolling policy options. ${NEXMARK_DIR} is a directory the harness
-- makes for the run.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q10 (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR,
    dt  STRING,
    hm  STRING
) PARTITIONED BY (dt, hm) WITH (
    'connector' = 'filesystem',
    'path' = 'file://${NEXMARK_DIR}/data/output/bid/',
    'format' = 'csv',
    'sink.partition-commit.trigger' = 'partition-time',
    'sink.partition-commit.delay' = '1 min',
    'sink.partition-commit.policy.kind' = 'success-file',
    'partition.time-extractor.timestamp-pattern' = '$dt $hm:00',
    'sink.rolling-policy.rollover-interval' = '1min',
    'sink.rolling-policy.check-interval' = '1min'
);

INSERT INTO nexmark_q10
SELECT auction, bidder, price, `dateTime`, extra,
       DATE_FORMAT(`dateTime`, 'yyyy-MM-dd'), DATE_FORMAT(`dateTime`, 'HH:mm')
FROM bid;
