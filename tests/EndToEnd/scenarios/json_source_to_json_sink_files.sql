-- scenario: the json format reads missing and null fields as NULL and the filesystem json sink writes one compact object per line with nulls kept
-- file: input/src.json
--| {"id":1,"label":"a","score":15}
--| {"id":2,"label":"b","score":null}
--| {"id":3,"label":"c"}
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE src (id INT, label STRING, score INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/src.json', 'format' = 'json');
CREATE TABLE out_json (id INT, label STRING, score INT) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'json');
INSERT INTO out_json SELECT id, UPPER(label), score * 2 FROM src;
-- expect files ${SCRATCH}/out (unordered):
--| {"id":1,"label":"A","score":30}
--| {"id":2,"label":"B","score":null}
--| {"id":3,"label":"C","score":null}
