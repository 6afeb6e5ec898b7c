-- scenario: the current catalog cannot be dropped (Flink's error), at the catalog name
-- sql:
CREATE CATALOG c1 WITH ('type' = 'generic_in_memory');
USE CATALOG c1;
DROP CATALOG c1;
-- expect exit: non-zero
-- expect error: Cannot drop a catalog which is currently in use.
-- expect caret under: c1;
