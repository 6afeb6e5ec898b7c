-- scenario: (start, end) OVERLAPS (start, end) gives the answers of Flink's docs ((TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:30:00', INTERVAL '2' HOUR) is TRUE; (TIME '9:00:00', TIME '10:00:00') OVERLAPS (TIME '10:15:00', INTERVAL '3' HOUR) is FALSE); ends in either order, touching periods overlap (Calcite's expansion), a NULL end gives NULL
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE print_sink (a BOOLEAN, b BOOLEAN, c BOOLEAN, d BOOLEAN, e BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT
  (TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:30:00', INTERVAL '2' HOUR),
  (TIME '9:00:00', TIME '10:00:00') OVERLAPS (TIME '10:15:00', INTERVAL '3' HOUR),
  (DATE '2024-01-10', DATE '2024-01-01') OVERLAPS (DATE '2024-01-05', DATE '2024-01-20'),
  (TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 00:00:00') OVERLAPS (TIMESTAMP '2024-01-02 00:00:00', INTERVAL '1' DAY),
  (DATE '2024-01-01', CAST(NULL AS DATE)) OVERLAPS (DATE '2024-01-05', DATE '2024-01-20');
-- expect stdout (unordered):
--| +I[true, false, true, true, null]
