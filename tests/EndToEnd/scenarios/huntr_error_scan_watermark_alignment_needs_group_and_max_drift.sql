-- scenario: watermark alignment with a group but no max drift is refused with Flink's FactoryUtil.validateWatermarkOptions message, pointing at the group option
-- sql:
CREATE TABLE bids (auction INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'scan.watermark.alignment.group' = 'g1');
-- expect error: Error configuring watermark for 'datagen', 'scan.watermark.alignment.group' and 'scan.watermark.alignment.max-drift' must be set when configuring watermark alignment
-- expect caret under: 'scan.watermark.alignment.group'
