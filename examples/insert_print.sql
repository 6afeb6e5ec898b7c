-- An INSERT job: rows flow from a generator into the print sink (one +I[...] line per row on stdout).
-- Run it with:  streamsql -f examples/insert_print.sql   (the shell waits until the bounded job has finished)
CREATE TABLE clicks (
  user_id INT,
  url     STRING
) WITH (
  'connector' = 'datagen',
  'number-of-rows' = '5',
  'fields.user_id.kind' = 'sequence',
  'fields.user_id.start' = '1',
  'fields.user_id.end' = '5',
  'fields.url.length' = '8'
);

CREATE TABLE console (
  user_id INT,
  url     STRING
) WITH ('connector' = 'print');

INSERT INTO console SELECT user_id, url FROM clicks WHERE user_id <> 3;

SHOW JOBS;
