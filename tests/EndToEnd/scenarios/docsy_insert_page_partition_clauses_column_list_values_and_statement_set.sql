-- scenario: Flink's INSERT Statement page in batch mode: the country_page_view examples in order (INTO a static partition, INTO with a static date and a dynamic country, OVERWRITE of the static partition, OVERWRITE with a dynamic country that replaces only the partitions it writes, INTO with the column list (user) leaving cnt NULL), read back with the partition columns from the paths; INSERT INTO students VALUES; the Rubber/Glass orders statement set (the page's user and date columns are reserved words in Flink and are backquoted here)
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'table.dml-sync' = 'true';
-- Creates a partitioned table
CREATE TABLE country_page_view (`user` STRING, cnt INT, `date` STRING, country STRING)
PARTITIONED BY (`date`, country)
WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/country_page_view', 'format' = 'csv');
CREATE VIEW page_view_source (`user`, cnt, country) AS VALUES ('alice', 1, 'China'), ('bob', 2, 'Japan');
-- Appends rows into the static partition (date='2019-8-30', country='China')
INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China')
  SELECT `user`, cnt FROM page_view_source;
-- Appends rows into partition (date, country), where date is static partition with value '2019-8-30',
-- country is dynamic partition whose value is dynamic determined by each row.
INSERT INTO country_page_view PARTITION (`date`='2019-8-30')
  SELECT `user`, cnt, country FROM page_view_source;
-- Overwrites rows into static partition (date='2019-8-30', country='China')
INSERT OVERWRITE country_page_view PARTITION (`date`='2019-8-30', country='China')
  SELECT `user`, cnt FROM page_view_source;
-- Overwrites rows into partition (date, country), where date is static partition with value '2019-8-30',
-- country is dynamic partition whose value is dynamic determined by each row.
INSERT OVERWRITE country_page_view PARTITION (`date`='2019-8-30')
  SELECT `user`, cnt, country FROM page_view_source;
-- Appends rows into the static partition (date='2019-8-30', country='China')
-- the column cnt is set to NULL
INSERT INTO country_page_view PARTITION (`date`='2019-8-30', country='China') (`user`)
  SELECT `user` FROM page_view_source;
CREATE TABLE readback (`user` STRING, cnt INT, `date` STRING, country STRING) WITH ('connector' = 'print', 'print-identifier' = 'country_page_view');
INSERT INTO readback SELECT * FROM country_page_view;
CREATE TABLE students (name STRING, age INT, gpa DECIMAL(3, 2)) WITH ('connector' = 'print', 'print-identifier' = 'students');
INSERT INTO students
  VALUES ('fred flintstone', 35, 1.28), ('barney rubble', 32, 2.32);
CREATE VIEW Orders (`user`, product, amount) AS VALUES (CAST(1 AS BIGINT), 'Rubber Duck', 3), (CAST(2 AS BIGINT), 'Glass Jar', 5), (CAST(3 AS BIGINT), 'Rubber Band', 7);
CREATE TABLE RubberOrders(product STRING, amount INT) WITH ('connector' = 'print', 'print-identifier' = 'rubber');
CREATE TABLE GlassOrders(product VARCHAR, amount INT) WITH ('connector' = 'print', 'print-identifier' = 'glass');
EXECUTE STATEMENT SET
BEGIN
INSERT INTO RubberOrders SELECT product, amount FROM Orders WHERE product LIKE '%Rubber%';
INSERT INTO GlassOrders SELECT product, amount FROM Orders WHERE product LIKE '%Glass%';
END;
-- expect stdout (unordered):
--| country_page_view> +I[alice, 1, 2019-8-30, China]
--| country_page_view> +I[alice, null, 2019-8-30, China]
--| country_page_view> +I[bob, null, 2019-8-30, China]
--| country_page_view> +I[bob, 2, 2019-8-30, Japan]
--| students> +I[fred flintstone, 35, 1.28]
--| students> +I[barney rubble, 32, 2.32]
--| rubber> +I[Rubber Duck, 3]
--| rubber> +I[Rubber Band, 7]
--| glass> +I[Glass Jar, 5]
