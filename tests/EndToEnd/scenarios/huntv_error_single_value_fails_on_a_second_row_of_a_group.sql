-- scenario: SINGLE_VALUE(x) gives the group's one value (a NULL counts) and fails the job when a group gets a second row, with Flink's SingleValueAggFunction message (MiscAggFunctionITCase)
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE p (k STRING, v INT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO p SELECT f0, SINGLE_VALUE(f1), COUNT(*) FROM (VALUES ('A', 1), ('B', CAST(NULL AS INT)), ('C', 3)) AS t(f0, f1) GROUP BY f0;
INSERT INTO p SELECT f0, SINGLE_VALUE(f1), COUNT(*) FROM (VALUES ('A', 1), ('A', 2), ('B', 2)) AS t(f0, f1) GROUP BY f0;
-- expect stdout (unordered, contains):
--| +I[A, 1, 1]
--| +I[B, null, 1]
--| +I[C, 3, 1]
-- expect error: SingleValueAggFunction received more than one element.
