-- scenario: ververica/flink-sql-cookbook other-builtin-functions/04_override_table_options: SELECT * FROM airports /*+ OPTIONS('csv.ignore-parse-errors'='true') */ reads the line whose LATITUDE/LONGITUDE are 'N/A' with those fields NULL, and the recipe's WHERE LATITUDE IS NULL finds it. Expected rows derived by hand from Flink's documented semantics
-- file: input/airports.csv
--| ABE,Lehigh Valley International Airport,Allentown,PA,USA,40.65236,-75.4404
--| ABI,Abilene Regional Airport,Abilene,TX,USA,32.41132,-99.6819
--| ECP,Northwest Florida Beaches International Airport,Panama City,FL,USA,N/A,N/A
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE `airports` (
  `IATA_CODE` CHAR(3),
  `AIRPORT` STRING,
  `CITY` STRING,
  `STATE` CHAR(2),
  `COUNTRY` CHAR(3),
  `LATITUDE` DOUBLE NULL,
  `LONGITUDE` DOUBLE NULL,
  PRIMARY KEY (`IATA_CODE`) NOT ENFORCED
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRATCH}/input/airports.csv',
  'format' = 'csv'
);
CREATE TABLE o1 (a CHAR(3), b STRING, c STRING, d CHAR(2), e CHAR(3), f DOUBLE, g DOUBLE) WITH ('connector'='print', 'print-identifier'='all');
CREATE TABLE o2 (a CHAR(3), b STRING, c STRING, d CHAR(2), e CHAR(3), f DOUBLE, g DOUBLE) WITH ('connector'='print', 'print-identifier'='null');
INSERT INTO o1 SELECT * FROM `airports` /*+ OPTIONS('csv.ignore-parse-errors'='true') */;
INSERT INTO o2 SELECT * FROM `airports` /*+ OPTIONS('csv.ignore-parse-errors'='true') */ WHERE `LATITUDE` IS NULL;
-- expect stdout (ordered):
--| all> +I[ABE, Lehigh Valley International Airport, Allentown, PA, USA, 40.65236, -75.4404]
--| all> +I[ABI, Abilene Regional Airport, Abilene, TX, USA, 32.41132, -99.6819]
--| all> +I[ECP, Northwest Florida Beaches International Airport, Panama City, FL, USA, null, null]
--| null> +I[ECP, Northwest Florida Beaches International Airport, Panama City, FL, USA, null, null]
