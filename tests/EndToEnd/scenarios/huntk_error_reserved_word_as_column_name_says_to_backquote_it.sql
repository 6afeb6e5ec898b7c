-- scenario: a reserved word used as a column name without backquotes is a syntax error at that word (Flink: Encountered "select" ... Was expecting one of: ...); the error says it is reserved and how to quote it
-- sql:
CREATE TABLE print_sink (id INT, select STRING) WITH ('connector' = 'print');
-- expect error: job.sql:1:34
-- expect error: unexpected 'select'; expected identifier
-- expect error: 'select' is a reserved keyword: quote it with backquotes (`select`)
-- expect caret under: select
-- expect exit: non-zero
