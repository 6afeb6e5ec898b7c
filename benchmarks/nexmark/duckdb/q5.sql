WITH windowed AS (
    SELECT auction,
           time_bucket(INTERVAL 2 SECOND, "dateTime") - k * INTERVAL 2 SECOND AS starttime
    FROM bid, range(5) AS slides(k)
),
counts AS (
    SELECT auction, COUNT(*) AS num, starttime FROM windowed GROUP BY auction, starttime
),
maxima AS (
    SELECT MAX(num) AS maxn, starttime FROM counts GROUP BY starttime
)
SELECT c.auction, c.num
FROM counts c JOIN maxima m ON c.starttime = m.starttime AND c.num >= m.maxn
