-- scenario: Flink's Dynamic Tables page, the second continuous query: the clicks counted per user and hourly tumbling window (TUMBLE_END) only append: 12:00-12:59 gives [Mary, 13:00, 3] and [Bob, 13:00, 1], 13:00-13:59 [Bob, 14:00, 1] and [Liz, 14:00, 2], and the last hour [Mary, 1], [Bob, 2], [Liz, 1] when the bounded input ends, as the page's figure shows
-- file: input/clicks.csv
--| Mary,./home,2020-04-15 12:00:00
--| Bob,./cart,2020-04-15 12:00:00
--| Mary,./prod?id=1,2020-04-15 12:02:00
--| Mary,./prod?id=4,2020-04-15 12:55:00
--| Bob,./prod?id=5,2020-04-15 13:01:00
--| Liz,./home,2020-04-15 13:30:00
--| Liz,./prod?id=7,2020-04-15 13:59:00
--| Mary,./cart,2020-04-15 14:00:00
--| Liz,./home,2020-04-15 14:02:00
--| Bob,./prod?id=3,2020-04-15 14:30:00
--| Bob,./home,2020-04-15 14:40:00
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE clicks (
  `user`  VARCHAR,
  url   VARCHAR,
  cTime TIMESTAMP(3),
  WATERMARK FOR cTime AS cTime
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE hourly_sink (`user` STRING, endT TIMESTAMP(3), cnt BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'hourly');
INSERT INTO hourly_sink
SELECT `user`, TUMBLE_END(cTime, INTERVAL '1' HOURS) AS endT, COUNT(url) AS cnt
FROM clicks
GROUP BY `user`, TUMBLE(cTime, INTERVAL '1' HOURS);
-- expect stdout (unordered):
--| hourly> +I[Mary, 2020-04-15T13:00, 3]
--| hourly> +I[Bob, 2020-04-15T13:00, 1]
--| hourly> +I[Bob, 2020-04-15T14:00, 1]
--| hourly> +I[Liz, 2020-04-15T14:00, 2]
--| hourly> +I[Mary, 2020-04-15T15:00, 1]
--| hourly> +I[Liz, 2020-04-15T15:00, 1]
--| hourly> +I[Bob, 2020-04-15T15:00, 2]
