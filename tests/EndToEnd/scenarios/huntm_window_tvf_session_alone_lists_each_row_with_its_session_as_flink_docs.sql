-- scenario: Flink 1.20's Windowing TVF page, SESSION on its own over its Bid table: with PARTITION BY item (positional and named arguments) each row comes out with its item's session (A's three rows in [08:06, 08:13), B's two in sessions of their own); without partition keys the first four rows share [08:06, 08:14); then the page's aggregations over the same sessions. The docs list the unpartitioned session's rows 08:07, 08:06, 08:08, 08:09, but Flink's UnalignedWindowTableFunctionOperator keeps a session's rows in arrival order (08:07, 08:06, 08:09, 08:08), so rows are compared unordered
-- file: input/bid.csv
--| 2020-04-15 08:07:00,4.00,A
--| 2020-04-15 08:06:00,2.00,A
--| 2020-04-15 08:09:00,5.00,B
--| 2020-04-15 08:08:00,3.00,A
--| 2020-04-15 08:17:00,1.00,B
-- sql:
CREATE TABLE Bid (bidtime TIMESTAMP(3), price DECIMAL(10, 2), item STRING, WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND)
  WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/bid.csv', 'format' = 'csv');
SELECT * FROM TABLE(
    SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES));
SELECT * FROM TABLE(
    SESSION(
      DATA => TABLE Bid PARTITION BY item,
      TIMECOL => DESCRIPTOR(bidtime),
      GAP => INTERVAL '5' MINUTES));
SELECT window_start, window_end, item, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY item, window_start, window_end;
SELECT * FROM TABLE(
    SESSION(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES));
SELECT window_start, window_end, SUM(price) AS total_price
  FROM TABLE(
      SESSION(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
  GROUP BY window_start, window_end;
-- expect stdout (all, unordered, contains):
--| | op |                 bidtime |        price |                           item |            window_start |              window_end |             window_time |
--| | +I | 2020-04-15 08:07:00.000 |         4.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:13:00.000 | 2020-04-15 08:12:59.999 |
--| | +I | 2020-04-15 08:06:00.000 |         2.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:13:00.000 | 2020-04-15 08:12:59.999 |
--| | +I | 2020-04-15 08:08:00.000 |         3.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:13:00.000 | 2020-04-15 08:12:59.999 |
--| | +I | 2020-04-15 08:09:00.000 |         5.00 |                              B | 2020-04-15 08:09:00.000 | 2020-04-15 08:14:00.000 | 2020-04-15 08:13:59.999 |
--| | +I | 2020-04-15 08:17:00.000 |         1.00 |                              B | 2020-04-15 08:17:00.000 | 2020-04-15 08:22:00.000 | 2020-04-15 08:21:59.999 |
--| Received a total of 5 rows
--| | op |                 bidtime |        price |                           item |            window_start |              window_end |             window_time |
--| | +I | 2020-04-15 08:07:00.000 |         4.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:13:00.000 | 2020-04-15 08:12:59.999 |
--| | +I | 2020-04-15 08:06:00.000 |         2.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:13:00.000 | 2020-04-15 08:12:59.999 |
--| | +I | 2020-04-15 08:08:00.000 |         3.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:13:00.000 | 2020-04-15 08:12:59.999 |
--| | +I | 2020-04-15 08:09:00.000 |         5.00 |                              B | 2020-04-15 08:09:00.000 | 2020-04-15 08:14:00.000 | 2020-04-15 08:13:59.999 |
--| | +I | 2020-04-15 08:17:00.000 |         1.00 |                              B | 2020-04-15 08:17:00.000 | 2020-04-15 08:22:00.000 | 2020-04-15 08:21:59.999 |
--| Received a total of 5 rows
--| | op |            window_start |              window_end |                           item |                              total_price |
--| | +I | 2020-04-15 08:06:00.000 | 2020-04-15 08:13:00.000 |                              A |                                     9.00 |
--| | +I | 2020-04-15 08:09:00.000 | 2020-04-15 08:14:00.000 |                              B |                                     5.00 |
--| | +I | 2020-04-15 08:17:00.000 | 2020-04-15 08:22:00.000 |                              B |                                     1.00 |
--| Received a total of 3 rows
--| | +I | 2020-04-15 08:07:00.000 |         4.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:14:00.000 | 2020-04-15 08:13:59.999 |
--| | +I | 2020-04-15 08:06:00.000 |         2.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:14:00.000 | 2020-04-15 08:13:59.999 |
--| | +I | 2020-04-15 08:08:00.000 |         3.00 |                              A | 2020-04-15 08:06:00.000 | 2020-04-15 08:14:00.000 | 2020-04-15 08:13:59.999 |
--| | +I | 2020-04-15 08:09:00.000 |         5.00 |                              B | 2020-04-15 08:06:00.000 | 2020-04-15 08:14:00.000 | 2020-04-15 08:13:59.999 |
--| | +I | 2020-04-15 08:17:00.000 |         1.00 |                              B | 2020-04-15 08:17:00.000 | 2020-04-15 08:22:00.000 | 2020-04-15 08:21:59.999 |
--| | op |            window_start |              window_end |                              total_price |
--| | +I | 2020-04-15 08:06:00.000 | 2020-04-15 08:14:00.000 |                                    14.00 |
--| | +I | 2020-04-15 08:17:00.000 | 2020-04-15 08:22:00.000 |                                     1.00 |
--| Received a total of 2 rows
