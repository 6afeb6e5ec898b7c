-- scenario: Nexmark q5 (hot items) as the nexmark repository's Flink queries write it (HOP 2 s / 10 s COUNT(*) per auction, the MAX of those counts per window_start/window_end renamed starttime/endtime, joined back ON both window columns AND num >= maxn), over a bid table made of a bounded datagen sequence in place of the nexmark source (bid id at id * 10 ms, auction id * 7919 % 13). The MAX per renamed window columns of a window aggregation is a window aggregation (Flink's window properties), so the join of the two is a window join and the result insert-only: an append-only print sink takes it. Expected rows computed from the sequence (every auction reaching its window's maximum, ties included)
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bid (id BIGINT, auction AS id * 7919 % 13, `dateTime` AS TO_TIMESTAMP_LTZ(id * 10, 3),
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND)
  WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000');
CREATE TABLE nexmark_q5 (
    auction  BIGINT,
    num  BIGINT
) WITH (
    'connector' = 'print'
);
INSERT INTO nexmark_q5
SELECT AuctionBids.auction, AuctionBids.num
FROM (
    SELECT
        auction,
        COUNT(*) AS num,
        window_start AS starttime,
        window_end AS endtime
    FROM TABLE(
        HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
    GROUP BY auction, window_start, window_end
) AS AuctionBids
JOIN (
    SELECT
        MAX(CountBids.num) AS maxn,
        CountBids.starttime,
        CountBids.endtime
    FROM (
        SELECT
            COUNT(*) AS num,
            window_start AS starttime,
            window_end AS endtime
        FROM TABLE(
            HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
        GROUP BY auction, window_start, window_end
    ) AS CountBids
    GROUP BY CountBids.starttime, CountBids.endtime
) AS MaxBids
ON AuctionBids.starttime = MaxBids.starttime AND
   AuctionBids.endtime = MaxBids.endtime AND
   AuctionBids.num >= MaxBids.maxn;
-- expect stdout (unordered):
--| +I[2, 16]
--| +I[4, 16]
--| +I[6, 16]
--| +I[8, 16]
--| +I[1, 31]
--| +I[2, 31]
--| +I[3, 31]
--| +I[4, 31]
--| +I[5, 31]
--| +I[6, 31]
--| +I[8, 31]
--| +I[10, 31]
--| +I[12, 31]
--| +I[2, 47]
--| +I[2, 62]
--| +I[4, 62]
--| +I[6, 62]
--| +I[8, 62]
--| +I[10, 62]
--| +I[12, 62]
--| +I[1, 77]
--| +I[2, 77]
--| +I[3, 77]
--| +I[4, 77]
--| +I[5, 77]
--| +I[6, 77]
--| +I[7, 77]
--| +I[8, 77]
--| +I[9, 77]
--| +I[10, 77]
--| +I[12, 77]
--| +I[1, 62]
--| +I[3, 62]
--| +I[5, 62]
--| +I[7, 62]
--| +I[9, 62]
--| +I[10, 62]
--| +I[11, 62]
--| +I[12, 62]
--| +I[7, 47]
--| +I[9, 47]
--| +I[11, 47]
--| +I[1, 31]
--| +I[3, 31]
--| +I[4, 31]
--| +I[5, 31]
--| +I[6, 31]
--| +I[7, 31]
--| +I[8, 31]
--| +I[9, 31]
--| +I[10, 31]
--| +I[11, 31]
--| +I[12, 31]
--| +I[1, 16]
--| +I[3, 16]
--| +I[5, 16]
--| +I[7, 16]
--| +I[9, 16]
--| +I[11, 16]
--| +I[11, 1]
