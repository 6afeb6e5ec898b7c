-- scenario: ververica/flink-sql-cookbook other-builtin-functions/06_split_strings_into_maps: STR_TO_MAP('postal_address:' || ... || ';residential_address:' || ..., ';', ':') keeps the commas inside the values; printed as a java.util.HashMap (both keys fall in bucket 0, so insertion order). Expected rows derived by hand from Flink's documented semantics
-- file: input/customers.csv
--| c1,Ada Lovelace,"12 Main St, Springfield",5 Elm Rd
--| c2,Alan Turing,1 Bletchley Park,"9 Hampton Ct, London"
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE `customers` (
  `identifier` STRING,
  `fullname` STRING,
  `postal_address` STRING,
  `residential_address` STRING
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/customers.csv', 'format' = 'csv');
CREATE TABLE o1 (identifier STRING, fullname STRING, addresses MAP<STRING, STRING>) WITH ('connector'='print');
INSERT INTO o1
SELECT 
  `identifier`,
  `fullname`,
  STR_TO_MAP('postal_address:' || postal_address || ';residential_address:' || residential_address,';',':') AS `addresses`
FROM `customers`;
-- expect stdout (unordered):
--| +I[c1, Ada Lovelace, {postal_address=12 Main St, Springfield, residential_address=5 Elm Rd}]
--| +I[c2, Alan Turing, {postal_address=1 Bletchley Park, residential_address=9 Hampton Ct, London}]
