-- scenario: Flink's create.md LIKE example works: the base table 'Orders' names the kafka connector without its required options (only a template, never read), so CREATE TABLE stores it unchecked and SHOW CREATE TABLE shows it; the derived table adds a watermark and overrides the startup mode. Swapped to the filesystem to run here: a template with the json format but no path, a table LIKE it that adds the path and is written, and a print table LIKE it (EXCLUDING OPTIONS) that prints what was written
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE Orders (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'kafka',
    'scan.startup.mode' = 'earliest-offset'
);
CREATE TABLE Orders_with_watermark (
    -- Add watermark definition
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    -- Overwrite the startup-mode
    'scan.startup.mode' = 'latest-offset'
)
LIKE Orders;
SHOW CREATE TABLE Orders_with_watermark;
CREATE TABLE OrdersTemplate (
    `user` BIGINT,
    product STRING,
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'filesystem',
    'format' = 'json'
);
CREATE TABLE OrdersFiles (
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'path' = '${SCRATCH}/orders'
)
LIKE OrdersTemplate;
INSERT INTO OrdersFiles VALUES (1, 'beer', TIMESTAMP '2024-01-01 10:00:00'), (2, 'diaper', TIMESTAMP '2024-01-01 10:00:07');
CREATE TABLE OrdersPrint WITH ('connector' = 'print') LIKE OrdersTemplate (EXCLUDING OPTIONS);
INSERT INTO OrdersPrint SELECT `user`, UPPER(product), order_time FROM OrdersFiles;
-- expect stdout (all, ordered, contains):
--| CREATE TABLE `default_catalog`.`default_database`.`Orders_with_watermark` (
--| WATERMARK FOR `order_time` AS `order_time` - INTERVAL '5' SECOND
--| 'connector' = 'kafka',
--| 'scan.startup.mode' = 'latest-offset'
--| +I[1, BEER, 2024-01-01T10:00]
--| +I[2, DIAPER, 2024-01-01T10:00:07]
-- expect files ${SCRATCH}/orders (unordered):
--| {"user":1,"product":"beer","order_time":"2024-01-01 10:00:00"}
--| {"user":2,"product":"diaper","order_time":"2024-01-01 10:00:07"}
