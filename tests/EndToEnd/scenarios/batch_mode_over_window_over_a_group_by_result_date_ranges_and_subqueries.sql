-- scenario: batch mode runs OVER calls in an aggregate SELECT (the window over the grouped rows: a running SUM of COUNT(*), RANK by SUM), a RANGE frame of one day over a DATE key, and an IN subquery beside an OVER call
-- file: input/bids.csv
--| 1,alice,150,2026-01-01
--| 2,bob,80,2026-01-02
--| 3,alice,300,2026-01-02
--| 4,bob,120,2026-01-05
--| 5,carol,500,2026-01-03
--| 6,alice,150,2026-01-04
-- sql:
SET 'execution.runtime-mode' = 'batch';
SET 'parallelism.default' = '2';
CREATE TABLE bids (id INT, bidder STRING, price INT, dt DATE) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bids.csv', 'format' = 'csv');
CREATE TABLE counts (bidder STRING, c BIGINT, run BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'counts');
CREATE TABLE ranks (bidder STRING, total INT, r BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'ranks');
CREATE TABLE days (id INT, dt DATE, c BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'days');
CREATE TABLE big (id INT, running INT, big BOOLEAN) WITH ('connector' = 'print', 'print-identifier' = 'big');
INSERT INTO counts SELECT bidder, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY bidder) AS run FROM bids GROUP BY bidder;
INSERT INTO ranks SELECT bidder, SUM(price) AS total, RANK() OVER (ORDER BY SUM(price) DESC) AS r FROM bids GROUP BY bidder;
INSERT INTO days SELECT id, dt, COUNT(*) OVER (ORDER BY dt RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM bids;
INSERT INTO big SELECT id, SUM(price) OVER (PARTITION BY bidder ORDER BY id), id IN (SELECT id FROM bids WHERE price > 140) FROM bids;
-- expect stdout (unordered, contains):
--| counts> +I[alice, 3, 3]
--| counts> +I[bob, 2, 5]
--| counts> +I[carol, 1, 6]
--| ranks> +I[alice, 600, 1]
--| ranks> +I[carol, 500, 2]
--| ranks> +I[bob, 200, 3]
--| days> +I[1, 2026-01-01, 1]
--| days> +I[2, 2026-01-02, 3]
--| days> +I[3, 2026-01-02, 3]
--| days> +I[5, 2026-01-03, 3]
--| days> +I[6, 2026-01-04, 2]
--| days> +I[4, 2026-01-05, 2]
--| big> +I[1, 150, true]
--| big> +I[3, 450, true]
--| big> +I[6, 600, true]
--| big> +I[2, 80, false]
--| big> +I[4, 200, false]
--| big> +I[5, 500, true]
