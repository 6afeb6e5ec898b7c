-- scenario: an OPTIONS hint on an INSERT target is validated with the table's other options: an unknown filesystem option is refused naming it
-- sql:
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO t /*+ OPTIONS('sink.no-such-option' = 'x') */ VALUES (1, 'a');
-- expect error: sink.no-such-option
-- expect exit: non-zero
