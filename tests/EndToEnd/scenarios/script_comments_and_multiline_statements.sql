-- scenario: a script may hold line and block comments, blank lines, statements over several lines and semicolons inside string literals
-- file: input/bids.csv
--| 1,alice
--| 2,bob
-- sql:
-- a line comment before anything
SET 'table.dml-sync' = 'true';

/* a block comment
   spanning lines; it mentions a semicolon */
CREATE TABLE bids (
  id INT,       -- trailing comment
  bidder STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRATCH}/input/bids.csv',
  'format' = 'csv'
);

CREATE TABLE print_sink (id INT, tagged STRING) WITH ('connector' = 'print');
INSERT INTO print_sink
SELECT id, CONCAT(bidder, ';x')   -- a comment after code
FROM bids;
-- a comment after the last statement
-- expect stdout (unordered):
--| +I[1, alice;x]
--| +I[2, bob;x]
