-- scenario: an updating GROUP BY into filesystem tables PARTITIONED BY with 'debezium-json' and 'canal-json' (was refused when the job ran: "writing 'debezium-json' into a partitioned table (PARTITIONED BY) is not supported yet"): as Flink's RowDataPartitionComputer keeps the row kind of the rows it projects, every change is a message in the partition directory of its row, without the partition column; partitioned by the count, an update's delete goes into the old count's directory and its insert into the new one's
-- file: input/orders.json
--| {"before":null,"after":{"id":1,"cat":"a","v":10},"op":"c"}
--| {"before":null,"after":{"id":2,"cat":"a","v":20},"op":"c"}
--| {"before":null,"after":{"id":3,"cat":"b","v":5},"op":"r"}
--| {"before":{"id":2,"cat":"a","v":20},"after":{"id":2,"cat":"a","v":7},"op":"u"}
--| {"before":{"id":1,"cat":"a","v":10},"after":null,"op":"d"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE orders (id INT, cat STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/orders.json', 'format' = 'debezium-json');
CREATE TABLE by_cat (cat STRING, n BIGINT, total INT) PARTITIONED BY (cat) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/by_cat', 'format' = 'debezium-json');
CREATE TABLE by_n (cat STRING, n BIGINT, total INT) PARTITIONED BY (n) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/by_n', 'format' = 'canal-json');
INSERT INTO by_cat SELECT cat, COUNT(*), SUM(v) FROM orders GROUP BY cat;
INSERT INTO by_n SELECT cat, COUNT(*), SUM(v) FROM orders GROUP BY cat;
-- expect files ${SCRATCH}/by_cat/cat=a (ordered):
--| {"before":null,"after":{"n":1,"total":10},"op":"c"}
--| {"before":{"n":1,"total":10},"after":null,"op":"d"}
--| {"before":null,"after":{"n":2,"total":30},"op":"c"}
--| {"before":{"n":2,"total":30},"after":null,"op":"d"}
--| {"before":null,"after":{"n":1,"total":10},"op":"c"}
--| {"before":{"n":1,"total":10},"after":null,"op":"d"}
--| {"before":null,"after":{"n":2,"total":17},"op":"c"}
--| {"before":{"n":2,"total":17},"after":null,"op":"d"}
--| {"before":null,"after":{"n":1,"total":7},"op":"c"}
-- expect files ${SCRATCH}/by_cat/cat=b (ordered):
--| {"before":null,"after":{"n":1,"total":5},"op":"c"}
-- expect files ${SCRATCH}/by_n/n=1 (ordered):
--| {"data":[{"cat":"a","total":10}],"type":"INSERT"}
--| {"data":[{"cat":"a","total":10}],"type":"DELETE"}
--| {"data":[{"cat":"b","total":5}],"type":"INSERT"}
--| {"data":[{"cat":"a","total":10}],"type":"INSERT"}
--| {"data":[{"cat":"a","total":10}],"type":"DELETE"}
--| {"data":[{"cat":"a","total":7}],"type":"INSERT"}
-- expect files ${SCRATCH}/by_n/n=2 (ordered):
--| {"data":[{"cat":"a","total":30}],"type":"INSERT"}
--| {"data":[{"cat":"a","total":30}],"type":"DELETE"}
--| {"data":[{"cat":"a","total":17}],"type":"INSERT"}
--| {"data":[{"cat":"a","total":17}],"type":"DELETE"}
