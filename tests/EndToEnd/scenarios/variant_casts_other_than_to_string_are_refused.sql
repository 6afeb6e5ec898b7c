-- scenario: a VARIANT casts only to a character string (its JSON text) in Flink 2.1/2.2: CAST(v AS INT) is refused when planning, with a caret under the cast
-- sql:
CREATE TABLE print_sink (n INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT CAST(PARSE_JSON('1') AS INT);
-- expect error: Cast function cannot convert value of type VARIANT to type INT
-- expect caret under: CAST(PARSE_JSON
