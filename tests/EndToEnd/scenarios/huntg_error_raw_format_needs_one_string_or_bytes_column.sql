-- scenario: the raw format on a filesystem table with two physical columns is refused where a query reads the table, as Flink's RawFormatFactory ("only supports single physical column")
-- sql:
CREATE TABLE logs (id INT, line STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'raw');
SELECT * FROM logs;
-- expect error: Unable to create a source for reading table 'default_catalog.default_database.logs'.
-- expect error: only supports single physical column
-- expect error: `id` INT, `line` STRING
-- expect caret under: logs;
