-- scenario: an unknown 'connector' value fails, naming it and listing the available connector identifiers
-- sql:
CREATE TABLE src (id INT) WITH ('connector' = 'kafak');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM src;
-- expect error: kafak
-- expect error: datagen
-- expect error: filesystem
-- expect error: print
-- expect exit: non-zero
