EXPLAIN SELECT channel, bidder, COUNT(*) AS c, GROUPING(channel) AS gc, GROUPING_ID(channel, bidder) AS gid
FROM bids GROUP BY CUBE (channel, bidder);
