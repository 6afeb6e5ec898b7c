-- scenario: an invalid 'source.path.regex-pattern' is refused where a query reads the table, naming the option
-- sql:
CREATE TABLE logs (id INT, msg STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'csv',
  'source.path.regex-pattern' = '.*(unclosed');
SELECT id FROM logs;
-- expect error: Unable to create a source for reading table 'default_catalog.default_database.logs'.
-- expect error: 'source.path.regex-pattern'
-- expect error: not a valid regular expression
