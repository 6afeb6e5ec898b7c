-- The first thing to run: a Nexmark bid stream, filtered and projected, printed to the console.
--   dotnet run --project src/Shell -- -f examples/hello.sql
-- Ends by itself after 'events.num' events; remove that option for an endless stream (Ctrl-C stops it).

CREATE TABLE bid (
  auction  BIGINT,
  bidder   BIGINT,
  price    BIGINT,
  channel  STRING,
  url      STRING,
  dateTime TIMESTAMP(3),
  extra    STRING,
  WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark',
  'table' = 'bid',
  'events.num' = '2000',
  'first-event.rate' = '1000'
);

CREATE TABLE expensive_bids (
  auction BIGINT,
  bidder  BIGINT,
  price_eur DECIMAL(12, 2),
  channel STRING,
  bid_time TIMESTAMP(3)
) WITH ('connector' = 'print');

INSERT INTO expensive_bids
SELECT auction, bidder, CAST(0.908 * price AS DECIMAL(12, 2)) AS price_eur, UPPER(channel), dateTime
FROM bid
WHERE price > 80000000;
