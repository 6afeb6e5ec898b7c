-- scenario: OVERLAPS needs a (start, end) period of DATE, TIME or TIMESTAMP on each side; otherwise the error says so and points at the predicate
-- sql:
CREATE TABLE print_sink (x BOOLEAN) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT DATE '2024-01-01' OVERLAPS (DATE '2024-01-05', DATE '2024-01-20');
-- expect error: OVERLAPS takes a period on each side
-- expect error: job.sql:2:31
