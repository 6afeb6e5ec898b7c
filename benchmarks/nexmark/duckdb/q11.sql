WITH marked AS (
    SELECT bidder, "dateTime", rowid AS seq,
           CASE WHEN "dateTime" - LAG("dateTime") OVER (PARTITION BY bidder ORDER BY "dateTime", rowid) < INTERVAL 10 SECOND
                THEN 0 ELSE 1 END AS starts
    FROM bid
),
sessions AS (
    SELECT bidder, "dateTime", SUM(starts) OVER (PARTITION BY bidder ORDER BY "dateTime", seq ROWS UNBOUNDED PRECEDING) AS session
    FROM marked
)
SELECT bidder, COUNT(*) AS bid_count, MIN("dateTime") AS starttime, MAX("dateTime") + INTERVAL 10 SECOND AS endtime
FROM sessions
GROUP BY bidder, session
