-- -------------------------------------------------------------------------------------------------
-- Query 3: Local item suggestion
-- -------------------------------------------------------------------------------------------------
-- Who is selling in OR, ID or CA in category 10, and for what auction ids? An incremental join
-- (per-key state) after filters on both sides.
--
-- Needs: regular (unbounded) inner join on an equality key, filters, string comparison, OR.
-- -------------------------------------------------------------------------------------------------

CREATE TABLE nexmark_q3 (
    name  VARCHAR,
    city  VARCHAR,
    state  VARCHAR,
    id  BIGINT
) WITH (
    'connector' = 'blackhole'
);

INSERT INTO nexmark_q3
SELECT
    P.name, P.city, P.state, A.id
FROM
    auction AS A INNER JOIN person AS P ON A.seller = P.id
WHERE
    A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');
