-- scenario: dbgen's TPC-H .tbl files end each line with the field delimiter; Flink's csv format (Jackson's reader allows one trailing empty field) reads them with only the table's columns declared, an empty last column included
-- file: input/region.tbl
--| 0|AFRICA|lar deposits. blithely final packages cajole. |
--| 1|AMERICA|"hs use ironic, even requests|"|
--| 2|ASIA||
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
CREATE TABLE region (r_regionkey INT, r_name CHAR(25), r_comment VARCHAR(152)) WITH (
  'connector' = 'filesystem', 'path' = '${SCRATCH}/input/region.tbl', 'format' = 'csv', 'csv.field-delimiter' = '|');
CREATE TABLE out (r_regionkey INT, r_name CHAR(25), comment_length INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/out', 'format' = 'csv');
INSERT INTO out SELECT r_regionkey, r_name, CHAR_LENGTH(r_comment) FROM region;
-- expect files ${SCRATCH}/out (unordered):
--| 0,AFRICA,46
--| 1,AMERICA,29
--| 2,ASIA,0
