-- scenario: EXTRACT of a field that is neither a time unit nor one of Calcite's day and era fields is refused, pointing at the field
-- sql:
CREATE TABLE print_sink (x BIGINT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT EXTRACT(FORTNIGHT FROM DATE '1994-09-27');
-- expect error: 'FORTNIGHT' is not a valid time frame
-- expect error: job.sql:2:39
-- expect caret under: FORTNIGHT
