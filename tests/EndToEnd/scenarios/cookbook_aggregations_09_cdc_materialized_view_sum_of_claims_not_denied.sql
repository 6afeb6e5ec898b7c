-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/09_cdc_materialized_view: SUM(claim_total) of the claims not DENIED per accident_detail over a changelog, a debezium-json file in place of postgres-cdc: an update's before row retracts (a group whose last row is retracted is deleted, -D, and the after row starts it again, +I), an update to DENIED retracts only, a delete retracts. Expected rows derived by hand from Flink's documented semantics (GroupAggFunction)
-- file: input/claims.json
--| {"before":null,"after":{"claim_id":1,"claim_total":100.0,"accident_detail":"Dog","claim_status":"OPEN"},"op":"c"}
--| {"before":null,"after":{"claim_id":2,"claim_total":50.5,"accident_detail":"Cat","claim_status":"OPEN"},"op":"c"}
--| {"before":null,"after":{"claim_id":3,"claim_total":20.25,"accident_detail":"Dog","claim_status":"DENIED"},"op":"c"}
--| {"before":{"claim_id":1,"claim_total":100.0,"accident_detail":"Dog","claim_status":"OPEN"},"after":{"claim_id":1,"claim_total":120.0,"accident_detail":"Dog","claim_status":"OPEN"},"op":"u"}
--| {"before":{"claim_id":2,"claim_total":50.5,"accident_detail":"Cat","claim_status":"OPEN"},"after":{"claim_id":2,"claim_total":50.5,"accident_detail":"Cat","claim_status":"DENIED"},"op":"u"}
--| {"before":null,"after":{"claim_id":4,"claim_total":10.0,"accident_detail":"Cat","claim_status":"OPEN"},"op":"c"}
--| {"before":null,"after":{"claim_id":5,"claim_total":5.5,"accident_detail":"Dog","claim_status":"OPEN"},"op":"c"}
--| {"before":{"claim_id":4,"claim_total":10.0,"accident_detail":"Cat","claim_status":"OPEN"},"after":null,"op":"d"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE accident_claims (
    claim_id INT,
    claim_total FLOAT,
    accident_detail VARCHAR(20),
    claim_status VARCHAR(10)
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/claims.json', 'format' = 'debezium-json');
CREATE TABLE o1 (accident_detail VARCHAR(20), agg_claim_costs FLOAT) WITH ('connector'='print');
INSERT INTO o1
SELECT accident_detail,
       SUM(claim_total) AS agg_claim_costs
FROM accident_claims
WHERE claim_status <> 'DENIED'
GROUP BY accident_detail;
-- expect stdout (ordered):
--| +I[Dog, 100.0]
--| +I[Cat, 50.5]
--| -D[Dog, 100.0]
--| +I[Dog, 120.0]
--| -D[Cat, 50.5]
--| +I[Cat, 10.0]
--| -U[Dog, 120.0]
--| +U[Dog, 125.5]
--| -D[Cat, 10.0]
