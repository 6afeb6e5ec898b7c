-- scenario: the rows one input row makes (CROSS JOIN UNNEST of its array) reach a printed GROUP BY one at a time, as Flink's correlate hands them to its aggregation: every unnested tag gets its own change (+I[a, 1], then -U[a, 1] / +U[a, 2] for the second 'a'), not one change per key for the whole array
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE tag_counts (tag STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO tag_counts
SELECT tag, COUNT(*) AS n
FROM (VALUES (1, ARRAY['a', 'b', 'a']), (2, ARRAY['b'])) AS o(id, tags)
CROSS JOIN UNNEST(tags) AS t(tag)
GROUP BY tag;
-- expect stdout (ordered):
--| +I[a, 1]
--| +I[b, 1]
--| -U[a, 1]
--| +U[a, 2]
--| -U[b, 1]
--| +U[b, 2]
