-- scenario: a VARIANT is a GROUP BY key and a COUNT(DISTINCT) argument (equal when Flink's bytes are: 7 and 7.0 differ), with FIRST_VALUE/LAST_VALUE over it
-- file: input/lines.txt
--| {"k":1}
--| 7
--| {"k":1}
--| 7.0
--| 7
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE lines (line STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/lines.txt', 'format' = 'raw');
CREATE TABLE counts (v VARIANT, c BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'g');
CREATE TABLE totals (n BIGINT, d BIGINT, f VARIANT, l VARIANT) WITH ('connector' = 'print', 'print-identifier' = 't');
EXECUTE STATEMENT SET BEGIN
INSERT INTO counts SELECT PARSE_JSON(line), COUNT(*) FROM lines GROUP BY PARSE_JSON(line);
INSERT INTO totals SELECT COUNT(*), COUNT(DISTINCT PARSE_JSON(line)), FIRST_VALUE(PARSE_JSON(line)), LAST_VALUE(PARSE_JSON(line)) FROM lines;
END;
-- expect stdout (unordered):
--| g> +I[{"k":1}, 1]
--| g> +I[7, 1]
--| g> -U[{"k":1}, 1]
--| g> +U[{"k":1}, 2]
--| g> +I[7.0, 1]
--| g> -U[7, 1]
--| g> +U[7, 2]
--| t> +I[1, 1, {"k":1}, {"k":1}]
--| t> -U[1, 1, {"k":1}, {"k":1}]
--| t> +U[2, 2, {"k":1}, 7]
--| t> -U[2, 2, {"k":1}, 7]
--| t> +U[3, 2, {"k":1}, {"k":1}]
--| t> -U[3, 2, {"k":1}, {"k":1}]
--| t> +U[4, 3, {"k":1}, 7.0]
--| t> -U[4, 3, {"k":1}, 7.0]
--| t> +U[5, 3, {"k":1}, 7]
