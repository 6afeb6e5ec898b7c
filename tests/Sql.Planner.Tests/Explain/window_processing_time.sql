CREATE TABLE clicks (user_id BIGINT, url STRING, pt AS PROCTIME()) WITH ('connector' = 'datagen');
EXPLAIN SELECT user_id, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(pt), INTERVAL '1' MINUTE))
GROUP BY user_id, window_start, window_end;
