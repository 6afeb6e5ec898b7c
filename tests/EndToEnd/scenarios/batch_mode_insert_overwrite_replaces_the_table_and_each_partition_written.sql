-- scenario: in batch mode INSERT OVERWRITE into a filesystem table replaces its files; into a partitioned one it replaces only the partitions it writes (dynamic ones by their rows, a static one from PARTITION (...)), at parallelism 2 (Flink's overwrite of FileSystemTableSink)
-- file: input/bids.csv
--| 1,alice,150
--| 2,bob,80
--| 3,alice,300
--| 4,bob,120
--| 5,carol,500
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'parallelism.default' = '2';
SET 'execution.batch.max-rows' = '1';
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE flat (id INT, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/flat', 'format' = 'csv');
CREATE TABLE byname (id INT, price INT, bidder STRING) PARTITIONED BY (bidder) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/byname', 'format' = 'csv');
INSERT INTO flat SELECT id, price FROM bids;
INSERT OVERWRITE flat SELECT id, price * 2 FROM bids WHERE price > 200;
INSERT INTO byname SELECT id, price, bidder FROM bids;
INSERT OVERWRITE byname SELECT id, 0, bidder FROM bids WHERE bidder = 'bob' AND id = 2;
INSERT OVERWRITE byname PARTITION (bidder = 'carol') SELECT id, price + 1 FROM bids WHERE id >= 4;
-- expect files ${SCRATCH}/flat (unordered):
--| 3,600
--| 5,1000
-- expect files ${SCRATCH}/byname (unordered):
--| 1,150
--| 3,300
--| 2,0
--| 4,121
--| 5,501
