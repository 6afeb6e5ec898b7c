-- scenario: Flink's Time Attributes page: an event time attribute on a TIMESTAMP(3) column and one on a TIMESTAMP_LTZ computed from epoch milliseconds (the page writes TO_TIMESTAMP_LTZ(time_ltz, 3), a typo for the BIGINT ts column), each with a 5 seconds delayed watermark, and the page's TUMBLE_START(..., INTERVAL '10' MINUTE), COUNT(DISTINCT user_name) query: the same windows, the LTZ window start printed as an Instant (UTC session zone)
-- file: input/user_actions.csv
--| alice,x,2020-04-15 08:01:00,1586937660000
--| bob,y,2020-04-15 08:03:00,1586937780000
--| alice,z,2020-04-15 08:09:59,1586938199000
--| carol,w,2020-04-15 08:12:00,1586938320000
-- sql:
SET 'table.dml-sync' = 'true';
SET 'table.local-time-zone' = 'UTC';
CREATE TABLE user_actions (
  user_name STRING,
  data STRING,
  user_action_time TIMESTAMP(3),
  ts BIGINT,
  -- declare user_action_time as event time attribute and use 5 seconds delayed watermark strategy
  WATERMARK FOR user_action_time AS user_action_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/user_actions.csv', 'format' = 'csv');
CREATE TABLE user_actions_ltz (
  user_name STRING,
  data STRING,
  user_action_time TIMESTAMP(3),
  ts BIGINT,
  time_ltz AS TO_TIMESTAMP_LTZ(ts, 3),
  -- declare time_ltz as event time attribute and use 5 seconds delayed watermark strategy
  WATERMARK FOR time_ltz AS time_ltz - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/user_actions.csv', 'format' = 'csv');
CREATE TABLE timestamp_sink (window_start TIMESTAMP(3), users BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'timestamp');
INSERT INTO timestamp_sink
SELECT TUMBLE_START(user_action_time, INTERVAL '10' MINUTE), COUNT(DISTINCT user_name)
FROM user_actions
GROUP BY TUMBLE(user_action_time, INTERVAL '10' MINUTE);
CREATE TABLE ltz_sink (window_start TIMESTAMP_LTZ(3), users BIGINT) WITH ('connector' = 'print', 'print-identifier' = 'ltz');
INSERT INTO ltz_sink
SELECT TUMBLE_START(time_ltz, INTERVAL '10' MINUTE), COUNT(DISTINCT user_name)
FROM user_actions_ltz
GROUP BY TUMBLE(time_ltz, INTERVAL '10' MINUTE);
-- expect stdout (ordered):
--| timestamp> +I[2020-04-15T08:00, 2]
--| timestamp> +I[2020-04-15T08:10, 1]
--| ltz> +I[2020-04-15T08:00:00Z, 2]
--| ltz> +I[2020-04-15T08:10:00Z, 1]
