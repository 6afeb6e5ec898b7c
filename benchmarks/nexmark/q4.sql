-- -------------------------------------------------------------------------------------------------
-- Query 4: Average price for a category
-- -------------------------------------------------------------------------------------------------
-- The average of the winning bid prices of the auctions of each category: a join, then two levels
-- of aggregation over an updating stream.
--
-- Needs: regular join with a non-equi condition (BETWEEN on times), GROUP BY with MAX, GROUP BY with
-- AVG over retractions (updating input), an updating sink.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q4 (
    id  BIGINT,
    final  BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q4
SELECT
    Q.category,
    AVG(Q.final)
FROM (
    SELECT MAX(B.price) AS final, A.category
    FROM auction A, bid B
    WHERE A.id = B.auction AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires
    GROUP BY A.id, A.category
) Q
GROUP BY Q.category;
