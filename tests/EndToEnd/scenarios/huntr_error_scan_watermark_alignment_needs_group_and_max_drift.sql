-- scenario: watermark alignment with a group but no max drift is refused where a query reads the table, with Flink's FactoryUtil.validateWatermarkOptions message
-- sql:
CREATE TABLE bids (auction INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'scan.watermark.alignment.group' = 'g1');
SELECT auction FROM bids;
-- expect error: Unable to create a source for reading table 'default_catalog.default_database.bids'.
-- expect error: Error configuring watermark for 'datagen', 'scan.watermark.alignment.group' and 'scan.watermark.alignment.max-drift' must be set when configuring watermark alignment
-- expect caret under: bids;
