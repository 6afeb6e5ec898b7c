-- scenario: ververica/flink-sql-cookbook foundations/03_temporary_table (INSERT INTO a temporary sink of the rows whose status_code SIMILAR TO '4[0-9][0-9]') and foundations/07_views (a view of the rows SIMILAR TO '[2,3][0-9][0-9]', the comma a literal of the class); print sinks in place of blackhole. Expected rows: DuckDB's regexp_full_match over the same file (oracle)
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
CREATE TEMPORARY TABLE client_errors (
  log_time TIMESTAMP(3),
  request_line STRING,
  status_code STRING,
  size INT
)
WITH (
  'connector' = 'print'
);

INSERT INTO client_errors
SELECT 
  log_time,
  request_line,
  status_code,
  size
FROM server_logs
WHERE 
  status_code SIMILAR TO '4[0-9][0-9]';
CREATE VIEW successful_requests AS 
SELECT * 
FROM server_logs
WHERE status_code SIMILAR TO '[2,3][0-9][0-9]';
CREATE TABLE ok_sink WITH ('connector'='print','print-identifier'='ok') LIKE server_logs (EXCLUDING ALL);
INSERT INTO ok_sink SELECT * FROM successful_requests;
-- expect stdout (unordered):
--| +I[2020-12-19T13:58:59, POST /order.html HTTP/1.1, 401, 9823854]
--| +I[2020-12-19T13:59:05, PUT cart.html HTTP/1.1, 401, 1976325]
--| +I[2020-12-19T13:59:12, GET /order.html /HTTP/1.0, 403, 3152052]
--| +I[2020-12-19T13:59:15, GET /order.html HTTP/1.1, 400, 8920885]
--| +I[2020-12-19T13:59:28, PATCH /prod.html /HTTP/1.0, 400, 4830894]
--| +I[2020-12-19T13:59:35, POST /prod.html HTTP/1.1, 400, 7075024]
--| +I[2020-12-19T13:59:36, PUT /prod.html /HTTP/1.0, 400, 9729127]
--| +I[2020-12-19T13:59:47, PATCH /search.html HTTP/1.1, 403, 5194449]
--| +I[2020-12-19T14:01:43, POST cart.html /HTTP/1.0, 401, 32116]
--| +I[2020-12-19T14:02:02, POST /order.html /HTTP/1.0, 400, 5878962]
--| +I[2020-12-19T14:02, GET /search.html /HTTP/1.0, 403, 2336339]
--| +I[2020-12-19T14:02:11, GET /prod.html HTTP/2, 403, 9787068]
--| +I[2020-12-19T14:02:37, POST /login.html HTTP/2, 401, 2019013]
--| ok> +I[10.0.0.4, -, sjwiesman, Mozilla/5.0 (X11; Linux x86_64), 2020-12-19T13:58:53, GET /order.html HTTP/1.1, 204, 9777660]
--| ok> +I[10.0.0.2, -, morsapaes, Mozilla/5.0 (X11; Linux x86_64), 2020-12-19T13:58:50, PATCH cart.html HTTP/1.1, 201, 1522011]
--| ok> +I[10.0.0.4, -, sjwiesman, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T13:59:19, PUT /prod.html HTTP/1.1, 301, 3016085]
--| ok> +I[10.0.0.4, -, knauf, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T13:59:54, PUT /search.html HTTP/2, 204, 2819483]
--| ok> +I[10.0.0.4, -, morsapaes, Opera/9.80 (Windows NT 6.1), 2020-12-19T14:00:05, PUT /login.html /HTTP/1.0, 201, 6675715]
--| ok> +I[10.0.0.1, -, morsapaes, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:00:07, PATCH /order.html HTTP/2, 201, 7223054]
--| ok> +I[10.0.0.3, -, sjwiesman, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:00:18, PUT cart.html HTTP/1.1, 201, 1392352]
--| ok> +I[10.0.0.2, -, sjwiesman, Opera/9.80 (Windows NT 6.1), 2020-12-19T14:00:24, GET cart.html /HTTP/1.0, 201, 4408256]
--| ok> +I[10.0.0.2, -, knauf, Safari/537.36 (Macintosh), 2020-12-19T14:00:27, PUT /login.html /HTTP/1.0, 301, 8648611]
--| ok> +I[10.0.0.4, -, sjwiesman, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:00:34, PATCH cart.html HTTP/2, 200, 8078712]
--| ok> +I[10.0.0.1, -, morsapaes, Mozilla/5.0 (X11; Linux x86_64), 2020-12-19T14:00:41, POST cart.html HTTP/1.1, 200, 5705253]
--| ok> +I[10.0.0.1, -, morsapaes, Opera/9.80 (Windows NT 6.1), 2020-12-19T14:00:50, GET /prod.html /HTTP/1.0, 200, 1179799]
--| ok> +I[10.0.0.5, -, knauf, Opera/9.80 (Windows NT 6.1), 2020-12-19T14:01:03, PUT /prod.html /HTTP/1.0, 204, 7955041]
--| ok> +I[10.0.0.4, -, knauf, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:01:04, PATCH /prod.html HTTP/1.1, 201, 1714523]
--| ok> +I[10.0.0.3, -, knauf, Opera/9.80 (Windows NT 6.1), 2020-12-19T14:01:13, GET /login.html /HTTP/1.0, 204, 2459682]
--| ok> +I[10.0.0.1, -, sjwiesman, Safari/537.36 (Macintosh), 2020-12-19T14:01:18, GET /prod.html /HTTP/1.0, 204, 2802600]
--| ok> +I[10.0.0.5, -, sjwiesman, Safari/537.36 (Macintosh), 2020-12-19T14:01:25, POST /order.html HTTP/1.1, 301, 4016358]
--| ok> +I[10.0.0.2, -, morsapaes, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:01:36, PUT /search.html HTTP/1.1, 301, 4687965]
--| ok> +I[10.0.0.2, -, sjwiesman, Safari/537.36 (Macintosh), 2020-12-19T14:01:42, PATCH /prod.html HTTP/2, 200, 3698844]
--| ok> +I[10.0.0.1, -, sjwiesman, Mozilla/5.0 (X11; Linux x86_64), 2020-12-19T14:01:47, PATCH /login.html HTTP/2, 201, 7280154]
--| ok> +I[10.0.0.1, -, sjwiesman, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:02, PATCH cart.html /HTTP/1.0, 200, 2665262]
--| ok> +I[10.0.0.2, -, morsapaes, Safari/537.36 (Macintosh), 2020-12-19T14:02:08, POST /prod.html /HTTP/1.0, 201, 9838883]
--| ok> +I[10.0.0.4, -, sjwiesman, Opera/9.80 (Windows NT 6.1), 2020-12-19T14:02:20, POST /order.html /HTTP/1.0, 200, 7384170]
--| ok> +I[10.0.0.3, -, sjwiesman, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:02:44, GET /order.html HTTP/1.1, 201, 3209684]
--| ok> +I[10.0.0.1, -, sjwiesman, Mozilla/4.0 (compatible; MSIE 8.0), 2020-12-19T14:02:47, GET /search.html HTTP/2, 204, 8481874]
--| ok> +I[10.0.0.2, -, sjwiesman, Safari/537.36 (Macintosh), 2020-12-19T14:02:50, PATCH /order.html /HTTP/1.0, 301, 8020218]
--| ok> +I[10.0.0.5, -, knauf, Opera/9.80 (Windows NT 6.1), 2020-12-19T14:03:01, PATCH /login.html HTTP/2, 200, 6582881]
