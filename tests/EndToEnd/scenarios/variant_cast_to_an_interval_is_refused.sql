-- scenario: a VARIANT has no cast to an interval (Flink has no rule for it): refused when planning, with a caret under the cast
-- sql:
CREATE TABLE print_sink (d INTERVAL DAY) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT CAST(PARSE_JSON('1') AS INTERVAL DAY);
-- expect error: Cast function cannot convert value of type VARIANT to type INTERVAL
-- expect caret under: CAST(PARSE_JSON
