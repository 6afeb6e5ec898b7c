-- scenario: the raw format on a filesystem table with two physical columns is refused at CREATE TABLE, as Flink's RawFormatFactory ("only supports single physical column")
-- sql:
CREATE TABLE logs (id INT, line STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'raw');
-- expect error: only supports single physical column
-- expect error: `id` INT, `line` STRING
