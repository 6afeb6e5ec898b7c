-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/10_windowing_tvf (TUMBLE 5 s of the 403s, HOP 5 s/10 s, CUMULATE 10 s/60 s) and 01_group_by_window_tvf (COUNT(DISTINCT client_ip) per 1 minute TUMBLE, on the event time instead of PROCTIME()); every window with rows fires, a CUMULATE window for each step with rows so far. Expected rows: DuckDB over the same file with the windows enumerated (oracle)
-- file: input/server_logs.csv
--| 10.0.0.4,-,sjwiesman,Mozilla/5.0 (X11; Linux x86_64),2020-12-19 13:58:53,GET /order.html HTTP/1.1,204,9777660
--| 10.0.0.2,-,morsapaes,Mozilla/5.0 (X11; Linux x86_64),2020-12-19 13:58:50,PATCH cart.html HTTP/1.1,201,1522011
--| 10.0.0.1,-,sjwiesman,Mozilla/5.0 (X11; Linux x86_64),2020-12-19 13:58:59,POST /order.html HTTP/1.1,401,9823854
--| 10.0.0.2,-,morsapaes,Opera/9.80 (Windows NT 6.1),2020-12-19 13:59:05,PUT cart.html HTTP/1.1,401,1976325
--| 10.0.0.5,-,sjwiesman,Opera/9.80 (Windows NT 6.1),2020-12-19 13:59:12,GET /order.html /HTTP/1.0,403,3152052
--| 10.0.0.5,-,sjwiesman,Mozilla/5.0 (X11; Linux x86_64),2020-12-19 13:59:15,GET /order.html HTTP/1.1,400,8920885
--| 10.0.0.4,-,sjwiesman,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 13:59:19,PUT /prod.html HTTP/1.1,301,3016085
--| 10.0.0.1,-,sjwiesman,Safari/537.36 (Macintosh),2020-12-19 13:59:28,PATCH /prod.html /HTTP/1.0,400,4830894
--| 10.0.0.1,-,sjwiesman,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 13:59:35,POST /prod.html HTTP/1.1,400,7075024
--| 10.0.0.5,-,sjwiesman,Safari/537.36 (Macintosh),2020-12-19 13:59:36,PUT /prod.html /HTTP/1.0,400,9729127
--| 10.0.0.1,-,morsapaes,Safari/537.36 (Macintosh),2020-12-19 13:59:47,PATCH /search.html HTTP/1.1,403,5194449
--| 10.0.0.4,-,knauf,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 13:59:54,PUT /search.html HTTP/2,204,2819483
--| 10.0.0.4,-,morsapaes,Opera/9.80 (Windows NT 6.1),2020-12-19 14:00:05,PUT /login.html /HTTP/1.0,201,6675715
--| 10.0.0.1,-,morsapaes,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:00:07,PATCH /order.html HTTP/2,201,7223054
--| 10.0.0.3,-,sjwiesman,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:00:18,PUT cart.html HTTP/1.1,201,1392352
--| 10.0.0.2,-,sjwiesman,Opera/9.80 (Windows NT 6.1),2020-12-19 14:00:24,GET cart.html /HTTP/1.0,201,4408256
--| 10.0.0.2,-,knauf,Safari/537.36 (Macintosh),2020-12-19 14:00:27,PUT /login.html /HTTP/1.0,301,8648611
--| 10.0.0.4,-,sjwiesman,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:00:34,PATCH cart.html HTTP/2,200,8078712
--| 10.0.0.1,-,morsapaes,Mozilla/5.0 (X11; Linux x86_64),2020-12-19 14:00:41,POST cart.html HTTP/1.1,200,5705253
--| 10.0.0.1,-,morsapaes,Opera/9.80 (Windows NT 6.1),2020-12-19 14:00:50,GET /prod.html /HTTP/1.0,200,1179799
--| 10.0.0.5,-,knauf,Opera/9.80 (Windows NT 6.1),2020-12-19 14:01:03,PUT /prod.html /HTTP/1.0,204,7955041
--| 10.0.0.4,-,knauf,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:01:04,PATCH /prod.html HTTP/1.1,201,1714523
--| 10.0.0.3,-,knauf,Opera/9.80 (Windows NT 6.1),2020-12-19 14:01:13,GET /login.html /HTTP/1.0,204,2459682
--| 10.0.0.1,-,sjwiesman,Safari/537.36 (Macintosh),2020-12-19 14:01:18,GET /prod.html /HTTP/1.0,204,2802600
--| 10.0.0.5,-,sjwiesman,Safari/537.36 (Macintosh),2020-12-19 14:01:25,POST /order.html HTTP/1.1,301,4016358
--| 10.0.0.2,-,morsapaes,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:01:36,PUT /search.html HTTP/1.1,301,4687965
--| 10.0.0.2,-,sjwiesman,Safari/537.36 (Macintosh),2020-12-19 14:01:42,PATCH /prod.html HTTP/2,200,3698844
--| 10.0.0.4,-,morsapaes,Safari/537.36 (Macintosh),2020-12-19 14:01:43,POST cart.html /HTTP/1.0,401,32116
--| 10.0.0.1,-,sjwiesman,Mozilla/5.0 (X11; Linux x86_64),2020-12-19 14:01:47,PATCH /login.html HTTP/2,201,7280154
--| 10.0.0.1,-,sjwiesman,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:02:00,PATCH cart.html /HTTP/1.0,200,2665262
--| 10.0.0.1,-,morsapaes,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:02:02,POST /order.html /HTTP/1.0,400,5878962
--| 10.0.0.5,-,morsapaes,Mozilla/5.0 (X11; Linux x86_64),2020-12-19 14:02:00,GET /search.html /HTTP/1.0,403,2336339
--| 10.0.0.2,-,morsapaes,Safari/537.36 (Macintosh),2020-12-19 14:02:08,POST /prod.html /HTTP/1.0,201,9838883
--| 10.0.0.5,-,knauf,Opera/9.80 (Windows NT 6.1),2020-12-19 14:02:11,GET /prod.html HTTP/2,403,9787068
--| 10.0.0.4,-,sjwiesman,Opera/9.80 (Windows NT 6.1),2020-12-19 14:02:20,POST /order.html /HTTP/1.0,200,7384170
--| 10.0.0.5,-,morsapaes,Opera/9.80 (Windows NT 6.1),2020-12-19 14:02:37,POST /login.html HTTP/2,401,2019013
--| 10.0.0.3,-,sjwiesman,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:02:44,GET /order.html HTTP/1.1,201,3209684
--| 10.0.0.1,-,sjwiesman,Mozilla/4.0 (compatible; MSIE 8.0),2020-12-19 14:02:47,GET /search.html HTTP/2,204,8481874
--| 10.0.0.2,-,sjwiesman,Safari/537.36 (Macintosh),2020-12-19 14:02:50,PATCH /order.html /HTTP/1.0,301,8020218
--| 10.0.0.5,-,knauf,Opera/9.80 (Windows NT 6.1),2020-12-19 14:03:01,PATCH /login.html HTTP/2,200,6582881
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE server_logs (
    client_ip STRING,
    client_identity STRING,
    userid STRING,
    user_agent STRING,
    log_time TIMESTAMP(3),
    request_line STRING,
    status_code STRING,
    size INT,
    WATERMARK FOR log_time AS log_time - INTERVAL '15' SECONDS
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/server_logs.csv', 'format' = 'csv');
CREATE TABLE o1 (window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT) WITH ('connector'='print','print-identifier'='tumble');
CREATE TABLE o2 (window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT) WITH ('connector'='print','print-identifier'='hop');
CREATE TABLE o3 (window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT) WITH ('connector'='print','print-identifier'='cumulate');
CREATE TABLE o4 (window_start TIMESTAMP(3), window_end TIMESTAMP(3), n BIGINT) WITH ('connector'='print','print-identifier'='distinct');
INSERT INTO o1 SELECT window_start, window_end, COUNT(status_code) AS TotalErrors
  FROM TABLE(
    TUMBLE(TABLE server_logs, DESCRIPTOR(log_time), INTERVAL '5' SECONDS))
  WHERE status_code = '403'
  GROUP BY window_start, window_end;

INSERT INTO o2 SELECT window_start, window_end, COUNT(status_code) AS TotalErrors
  FROM TABLE(
    HOP(TABLE server_logs, DESCRIPTOR(log_time), INTERVAL '5' SECONDS, INTERVAL '10' SECONDS))
  GROUP BY window_start, window_end;

INSERT INTO o3 SELECT window_start, window_end, COUNT(status_code) AS TotalErrors
  FROM TABLE(
    CUMULATE(TABLE server_logs, DESCRIPTOR(log_time), INTERVAL '10' SECONDS, INTERVAL '60' SECONDS))
  GROUP BY window_start, window_end;
INSERT INTO o4 SELECT window_start, window_end, COUNT(DISTINCT client_ip) AS ip_addresses
  FROM TABLE(
    TUMBLE(TABLE server_logs, DESCRIPTOR(log_time), INTERVAL '1' MINUTE))
  GROUP BY window_start, window_end;
-- expect stdout (unordered):
--| tumble> +I[2020-12-19T13:59:10, 2020-12-19T13:59:15, 1]
--| tumble> +I[2020-12-19T13:59:45, 2020-12-19T13:59:50, 1]
--| tumble> +I[2020-12-19T14:02, 2020-12-19T14:02:05, 1]
--| tumble> +I[2020-12-19T14:02:10, 2020-12-19T14:02:15, 1]
--| hop> +I[2020-12-19T13:58:45, 2020-12-19T13:58:55, 2]
--| hop> +I[2020-12-19T13:58:50, 2020-12-19T13:59, 3]
--| hop> +I[2020-12-19T13:58:55, 2020-12-19T13:59:05, 1]
--| hop> +I[2020-12-19T13:59, 2020-12-19T13:59:10, 1]
--| hop> +I[2020-12-19T13:59:05, 2020-12-19T13:59:15, 2]
--| hop> +I[2020-12-19T13:59:10, 2020-12-19T13:59:20, 3]
--| hop> +I[2020-12-19T13:59:15, 2020-12-19T13:59:25, 2]
--| hop> +I[2020-12-19T13:59:20, 2020-12-19T13:59:30, 1]
--| hop> +I[2020-12-19T13:59:25, 2020-12-19T13:59:35, 1]
--| hop> +I[2020-12-19T13:59:30, 2020-12-19T13:59:40, 2]
--| hop> +I[2020-12-19T13:59:35, 2020-12-19T13:59:45, 2]
--| hop> +I[2020-12-19T13:59:40, 2020-12-19T13:59:50, 1]
--| hop> +I[2020-12-19T13:59:45, 2020-12-19T13:59:55, 2]
--| hop> +I[2020-12-19T13:59:50, 2020-12-19T14:00, 1]
--| hop> +I[2020-12-19T14:00, 2020-12-19T14:00:10, 2]
--| hop> +I[2020-12-19T14:00:05, 2020-12-19T14:00:15, 2]
--| hop> +I[2020-12-19T14:00:10, 2020-12-19T14:00:20, 1]
--| hop> +I[2020-12-19T14:00:15, 2020-12-19T14:00:25, 2]
--| hop> +I[2020-12-19T14:00:20, 2020-12-19T14:00:30, 2]
--| hop> +I[2020-12-19T14:00:25, 2020-12-19T14:00:35, 2]
--| hop> +I[2020-12-19T14:00:30, 2020-12-19T14:00:40, 1]
--| hop> +I[2020-12-19T14:00:35, 2020-12-19T14:00:45, 1]
--| hop> +I[2020-12-19T14:00:40, 2020-12-19T14:00:50, 1]
--| hop> +I[2020-12-19T14:00:45, 2020-12-19T14:00:55, 1]
--| hop> +I[2020-12-19T14:00:50, 2020-12-19T14:01, 1]
--| hop> +I[2020-12-19T14:00:55, 2020-12-19T14:01:05, 2]
--| hop> +I[2020-12-19T14:01, 2020-12-19T14:01:10, 2]
--| hop> +I[2020-12-19T14:01:05, 2020-12-19T14:01:15, 1]
--| hop> +I[2020-12-19T14:01:10, 2020-12-19T14:01:20, 2]
--| hop> +I[2020-12-19T14:01:15, 2020-12-19T14:01:25, 1]
--| hop> +I[2020-12-19T14:01:20, 2020-12-19T14:01:30, 1]
--| hop> +I[2020-12-19T14:01:25, 2020-12-19T14:01:35, 1]
--| hop> +I[2020-12-19T14:01:30, 2020-12-19T14:01:40, 1]
--| hop> +I[2020-12-19T14:01:35, 2020-12-19T14:01:45, 3]
--| hop> +I[2020-12-19T14:01:40, 2020-12-19T14:01:50, 3]
--| hop> +I[2020-12-19T14:01:45, 2020-12-19T14:01:55, 1]
--| hop> +I[2020-12-19T14:01:55, 2020-12-19T14:02:05, 3]
--| hop> +I[2020-12-19T14:02, 2020-12-19T14:02:10, 4]
--| hop> +I[2020-12-19T14:02:05, 2020-12-19T14:02:15, 2]
--| hop> +I[2020-12-19T14:02:10, 2020-12-19T14:02:20, 1]
--| hop> +I[2020-12-19T14:02:15, 2020-12-19T14:02:25, 1]
--| hop> +I[2020-12-19T14:02:20, 2020-12-19T14:02:30, 1]
--| hop> +I[2020-12-19T14:02:30, 2020-12-19T14:02:40, 1]
--| hop> +I[2020-12-19T14:02:35, 2020-12-19T14:02:45, 2]
--| hop> +I[2020-12-19T14:02:40, 2020-12-19T14:02:50, 2]
--| hop> +I[2020-12-19T14:02:45, 2020-12-19T14:02:55, 2]
--| hop> +I[2020-12-19T14:02:50, 2020-12-19T14:03, 1]
--| hop> +I[2020-12-19T14:02:55, 2020-12-19T14:03:05, 1]
--| hop> +I[2020-12-19T14:03, 2020-12-19T14:03:10, 1]
--| cumulate> +I[2020-12-19T13:58, 2020-12-19T13:59, 3]
--| cumulate> +I[2020-12-19T13:59, 2020-12-19T13:59:10, 1]
--| cumulate> +I[2020-12-19T13:59, 2020-12-19T13:59:20, 4]
--| cumulate> +I[2020-12-19T13:59, 2020-12-19T13:59:30, 5]
--| cumulate> +I[2020-12-19T13:59, 2020-12-19T13:59:40, 7]
--| cumulate> +I[2020-12-19T13:59, 2020-12-19T13:59:50, 8]
--| cumulate> +I[2020-12-19T13:59, 2020-12-19T14:00, 9]
--| cumulate> +I[2020-12-19T14:00, 2020-12-19T14:00:10, 2]
--| cumulate> +I[2020-12-19T14:00, 2020-12-19T14:00:20, 3]
--| cumulate> +I[2020-12-19T14:00, 2020-12-19T14:00:30, 5]
--| cumulate> +I[2020-12-19T14:00, 2020-12-19T14:00:40, 6]
--| cumulate> +I[2020-12-19T14:00, 2020-12-19T14:00:50, 7]
--| cumulate> +I[2020-12-19T14:00, 2020-12-19T14:01, 8]
--| cumulate> +I[2020-12-19T14:01, 2020-12-19T14:01:10, 2]
--| cumulate> +I[2020-12-19T14:01, 2020-12-19T14:01:20, 4]
--| cumulate> +I[2020-12-19T14:01, 2020-12-19T14:01:30, 5]
--| cumulate> +I[2020-12-19T14:01, 2020-12-19T14:01:40, 6]
--| cumulate> +I[2020-12-19T14:01, 2020-12-19T14:01:50, 9]
--| cumulate> +I[2020-12-19T14:01, 2020-12-19T14:02, 9]
--| cumulate> +I[2020-12-19T14:02, 2020-12-19T14:02:10, 4]
--| cumulate> +I[2020-12-19T14:02, 2020-12-19T14:02:20, 5]
--| cumulate> +I[2020-12-19T14:02, 2020-12-19T14:02:30, 6]
--| cumulate> +I[2020-12-19T14:02, 2020-12-19T14:02:40, 7]
--| cumulate> +I[2020-12-19T14:02, 2020-12-19T14:02:50, 9]
--| cumulate> +I[2020-12-19T14:02, 2020-12-19T14:03, 10]
--| cumulate> +I[2020-12-19T14:03, 2020-12-19T14:03:10, 1]
--| cumulate> +I[2020-12-19T14:03, 2020-12-19T14:03:20, 1]
--| cumulate> +I[2020-12-19T14:03, 2020-12-19T14:03:30, 1]
--| cumulate> +I[2020-12-19T14:03, 2020-12-19T14:03:40, 1]
--| cumulate> +I[2020-12-19T14:03, 2020-12-19T14:03:50, 1]
--| cumulate> +I[2020-12-19T14:03, 2020-12-19T14:04, 1]
--| distinct> +I[2020-12-19T13:58, 2020-12-19T13:59, 3]
--| distinct> +I[2020-12-19T13:59, 2020-12-19T14:00, 4]
--| distinct> +I[2020-12-19T14:00, 2020-12-19T14:01, 4]
--| distinct> +I[2020-12-19T14:01, 2020-12-19T14:02, 5]
--| distinct> +I[2020-12-19T14:02, 2020-12-19T14:03, 5]
--| distinct> +I[2020-12-19T14:03, 2020-12-19T14:04, 1]
