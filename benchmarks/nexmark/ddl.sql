-- -------------------------------------------------------------------------------------------------
-- Nexmark source tables (StreamSql dialect)
-- -------------------------------------------------------------------------------------------------
-- Flink's Nexmark declares one table `datagen (event_type, person ROW<...>, auction ROW<...>,
-- bid ROW<...>)` and three views over it (`bid`, `auction`, `person`) that read its nested fields.
-- StreamSql's nexmark connector serves each entity as a table of its own ('table' = 'bid' | 'auction'
-- | 'person'): every such table runs the same event stream (event n is generated from a random seeded
-- by n, at time base-time + n / first-event.rate) and keeps the events of its kind, so bid, auction
-- and person here hold exactly the rows of Flink's three views over one stream.
--
-- `streamsql bench nexmark` fills in the ${...} values; to run a query by hand, replace them and use
--   streamsql -i ddl.sql -f q1.sql
-- ${EVENTS_NUM}: events of all kinds (Flink's events.num); ${TPS}: first-event.rate, which also spaces the
-- events in event time (Flink's suite: 10000000); ${BASE_TIME}: the event time of event 0 (fixed, so
-- every run sees the same stream and the same windows).
-- -------------------------------------------------------------------------------------------------

CREATE TABLE person (
    id  BIGINT,
    name  VARCHAR,
    emailAddress  VARCHAR,
    creditCard  VARCHAR,
    city  VARCHAR,
    state  VARCHAR,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'nexmark',
    'table' = 'person',
    'events.num' = '${EVENTS_NUM}',
    'first-event.rate' = '${TPS}',
    'next-event.rate' = '${TPS}',
    'base-time' = '${BASE_TIME}',
    'max-emit-speed' = 'true'
);

CREATE TABLE auction (
    id  BIGINT,
    itemName  VARCHAR,
    description  VARCHAR,
    initialBid  BIGINT,
    reserve  BIGINT,
    `dateTime`  TIMESTAMP(3),
    expires  TIMESTAMP(3),
    seller  BIGINT,
    category  BIGINT,
    extra  VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'nexmark',
    'table' = 'auction',
    'events.num' = '${EVENTS_NUM}',
    'first-event.rate' = '${TPS}',
    'next-event.rate' = '${TPS}',
    'base-time' = '${BASE_TIME}',
    'max-emit-speed' = 'true'
);

CREATE TABLE bid (
    auction  BIGINT,
    bidder  BIGINT,
    price  BIGINT,
    channel  VARCHAR,
    url  VARCHAR,
    `dateTime`  TIMESTAMP(3),
    extra  VARCHAR,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'nexmark',
    'table' = 'bid',
    'events.num' = '${EVENTS_NUM}',
    'first-event.rate' = '${TPS}',
    'next-event.rate' = '${TPS}',
    'base-time' = '${BASE_TIME}',
    'max-emit-speed' = 'true'
);
