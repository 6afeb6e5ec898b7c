-- scenario: Flink's Dynamic Tables page, the first continuous query over the clicks stream: SELECT user, COUNT(url) FROM clicks GROUP BY user inserts [Mary, 1] and [Bob, 1], then updates [Mary, 1] to [Mary, 2] (-U/+U) and so on, as the page's figure steps through the click rows (the figure's eleven clicks)
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
  `user`  VARCHAR,     -- the name of the user
  url   VARCHAR,     -- the URL that was accessed by the user
  cTime TIMESTAMP(3) -- the time when the URL was accessed
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/clicks.csv', 'format' = 'csv');
CREATE TABLE count_sink (`user` STRING, cnt BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'count');
INSERT INTO count_sink
SELECT `user`, COUNT(url)
FROM clicks
GROUP BY `user`;
-- expect stdout (ordered):
--| count> +I[Mary, 1]
--| count> +I[Bob, 1]
--| count> -U[Mary, 1]
--| count> +U[Mary, 2]
--| count> -U[Mary, 2]
--| count> +U[Mary, 3]
--| count> -U[Bob, 1]
--| count> +U[Bob, 2]
--| count> +I[Liz, 1]
--| count> -U[Liz, 1]
--| count> +U[Liz, 2]
--| count> -U[Mary, 3]
--| count> +U[Mary, 4]
--| count> -U[Liz, 2]
--| count> +U[Liz, 3]
--| count> -U[Bob, 2]
--| count> +U[Bob, 3]
--| count> -U[Bob, 3]
--| count> +U[Bob, 4]
