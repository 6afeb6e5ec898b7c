WITH winners AS (
    SELECT A.id, A.seller, B.price, B."dateTime",
           ROW_NUMBER() OVER (PARTITION BY A.id, A.seller ORDER BY B.price DESC) AS rownum
    FROM auction AS A, bid AS B
    WHERE A.id = B.auction AND B."dateTime" BETWEEN A."dateTime" AND A.expires
    QUALIFY rownum <= 1
)
SELECT CAST(seller AS VARCHAR),
       CAST(SUM(price) OVER w // COUNT(price) OVER w AS BIGINT)
FROM winners
WINDOW w AS (PARTITION BY seller ORDER BY "dateTime" ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
