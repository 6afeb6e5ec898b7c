-- scenario: INSERT OVERWRITE in streaming mode is refused (Flink's filesystem sink: streaming mode does not support overwrite)
-- file: input/bids.csv
--| 1,alice,150
-- sql:
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE flat (id INT, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/flat', 'format' = 'csv');
INSERT OVERWRITE flat SELECT id, price FROM bids;
-- expect error: Streaming mode not support overwrite.
-- expect error: INSERT OVERWRITE is not supported in streaming mode
-- expect caret under: INSERT OVERWRITE
