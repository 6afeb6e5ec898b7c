-- scenario: an invalid 'source.path.regex-pattern' is refused when the table is declared, naming the option
-- sql:
CREATE TABLE logs (id INT, msg STRING) WITH ('connector' = 'filesystem', 'path' = '/tmp', 'format' = 'csv',
  'source.path.regex-pattern' = '.*(unclosed');
-- expect error: 'source.path.regex-pattern'
-- expect error: not a valid regular expression
