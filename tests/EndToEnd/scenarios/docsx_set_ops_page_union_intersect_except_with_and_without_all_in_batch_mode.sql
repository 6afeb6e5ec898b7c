-- scenario: Flink's Set Operations page: views t1(s) = c, a, b, b, c and t2(s) = d, e, a, b, b made by CREATE VIEW ... (s) AS VALUES; UNION gives c a b d e, UNION ALL all ten rows, INTERSECT a b, INTERSECT ALL a b b, EXCEPT c, EXCEPT ALL c c (batch mode, so each sink gets the final rows; their order is not determined)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
create view t1(s) as values ('c'), ('a'), ('b'), ('b'), ('c');
create view t2(s) as values ('d'), ('e'), ('a'), ('b'), ('b');
CREATE TABLE union_sink (s STRING) WITH ('connector' = 'print', 'print-identifier' = 'union');
CREATE TABLE union_all_sink (s STRING) WITH ('connector' = 'print', 'print-identifier' = 'union_all');
CREATE TABLE intersect_sink (s STRING) WITH ('connector' = 'print', 'print-identifier' = 'intersect');
CREATE TABLE intersect_all_sink (s STRING) WITH ('connector' = 'print', 'print-identifier' = 'intersect_all');
CREATE TABLE except_sink (s STRING) WITH ('connector' = 'print', 'print-identifier' = 'except');
CREATE TABLE except_all_sink (s STRING) WITH ('connector' = 'print', 'print-identifier' = 'except_all');
INSERT INTO union_sink (SELECT s FROM t1) UNION (SELECT s FROM t2);
INSERT INTO union_all_sink (SELECT s FROM t1) UNION ALL (SELECT s FROM t2);
INSERT INTO intersect_sink (SELECT s FROM t1) INTERSECT (SELECT s FROM t2);
INSERT INTO intersect_all_sink (SELECT s FROM t1) INTERSECT ALL (SELECT s FROM t2);
INSERT INTO except_sink (SELECT s FROM t1) EXCEPT (SELECT s FROM t2);
INSERT INTO except_all_sink (SELECT s FROM t1) EXCEPT ALL (SELECT s FROM t2);
-- expect stdout (unordered):
--| union> +I[c]
--| union> +I[a]
--| union> +I[b]
--| union> +I[d]
--| union> +I[e]
--| union_all> +I[c]
--| union_all> +I[a]
--| union_all> +I[b]
--| union_all> +I[b]
--| union_all> +I[c]
--| union_all> +I[d]
--| union_all> +I[e]
--| union_all> +I[a]
--| union_all> +I[b]
--| union_all> +I[b]
--| intersect> +I[a]
--| intersect> +I[b]
--| intersect_all> +I[a]
--| intersect_all> +I[b]
--| intersect_all> +I[b]
--| except> +I[c]
--| except_all> +I[c]
--| except_all> +I[c]
