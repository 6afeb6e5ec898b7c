-- scenario: a script run stops at the first failing statement: later statements are not executed and the exit code is non-zero
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE bids (id INT, bidder STRING, price INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE TABLE print_sink (id INT) WITH ('connector' = 'print');
INSERT INTO print_sink SELECT id FROM bidz;
INSERT INTO print_sink SELECT id FROM bids;
-- expect stdout (unordered):
-- expect error: bidz
-- expect exit: non-zero
