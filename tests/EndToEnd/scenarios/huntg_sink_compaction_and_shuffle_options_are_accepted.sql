-- scenario: Flink's filesystem options 'auto-compaction', 'compaction.file-size', 'compaction.parallelism', 'sink.shuffle-by-partition.enable' and 'source.report-statistics' are accepted and the committed rows are those of the query
-- file: input/bids.csv
--| 1,2026-12-01,150
--| 2,2026-12-01,80
--| 3,2026-12-02,300
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, dt STRING, price INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv',
  'source.report-statistics' = 'NONE');
CREATE TABLE out_csv (id INT, price INT, dt STRING) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv',
  'auto-compaction' = 'true', 'compaction.file-size' = '16MB', 'compaction.parallelism' = '1',
  'sink.shuffle-by-partition.enable' = 'true');
INSERT INTO out_csv SELECT id, price, dt FROM bids;
-- expect files ${SCRATCH}/out/dt=2026-12-01 (unordered):
--| 1,150
--| 2,80
-- expect files ${SCRATCH}/out/dt=2026-12-02 (unordered):
--| 3,300
