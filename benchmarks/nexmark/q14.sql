-- -------------------------------------------------------------------------------------------------
-- Query 14: Calculation (not in the original suite)
-- -------------------------------------------------------------------------------------------------
-- Classifies each bid's time of day and keeps bids in a price range: repeated expressions and a
-- user-defined function (count_char counts the occurrences of a character in a string).
--
-- Needs: CREATE FUNCTION (a user-defined scalar function), DECIMAL arithmetic and comparison,
-- HOUR, CASE.
-- -------------------------------------------------------------------------------------------------

-- Flink's Nexmark names its Java class com.github.nexmark.flink.udf.CountChar; this is the same function in .NET.
CREATE FUNCTION count_char AS 'StreamSql.Connectors.Nexmark.CountChar';

CREATE TABLE nexmark_q14 (
    auction  BIGINT,
    bidder  BIGINT,
    price  DECIMAL(23, 3),
    bidTimeType  VARCHAR,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR,
    c_counts  BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q14
SELECT
    auction,
    bidder,
    0.908 * price AS price,
    CASE
        WHEN HOUR(`dateTime`) >= 8 AND HOUR(`dateTime`) <= 18 THEN 'dayTime'
        WHEN HOUR(`dateTime`) <= 6 OR HOUR(`dateTime`) >= 20 THEN 'nightTime'
        ELSE 'otherTime'
    END AS bidTimeType,
    `dateTime`,
    extra,
    count_char(extra, 'c') AS c_counts
FROM bid
WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000;
