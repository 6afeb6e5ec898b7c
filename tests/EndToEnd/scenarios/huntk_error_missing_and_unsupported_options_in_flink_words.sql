-- scenario: a filesystem table without 'path' and 'format' fails with Flink's FactoryUtil wording, naming every missing option ("One or more required options are missing. Missing required options are: ...")
-- sql:
CREATE TABLE out_files (id INT) WITH ('connector' = 'filesystem');
-- expect error: One or more required options are missing for connector 'filesystem' of table 'out_files'
-- expect error: Missing required options are:
-- expect error: path
-- expect error: format
-- expect exit: non-zero
