-- scenario: ververica/flink-sql-cookbook aggregations-and-analytics/12_lag: a CTE with LAG(stock_value, 1) OVER (PARTITION BY stock_name ORDER BY log_time) and a CASE giving the trend (the first row of a stock has no previous value, so '='); log_time is an event-time column here (the recipe's PROCTIME() orders by arrival, which the file's order equals). Expected rows derived by hand from Flink's documented semantics
-- file: input/stocks.csv
--| Deja Brew,10.5,2020-12-19 10:00:00
--| Pita Pan,12.25,2020-12-19 10:00:01
--| Deja Brew,11.0,2020-12-19 10:00:02
--| Deja Brew,11.0,2020-12-19 10:00:03
--| Pita Pan,12.0,2020-12-19 10:00:04
--| Deja Brew,9.75,2020-12-19 10:00:05
-- sql:
SET 'table.dml-sync' = 'true';
CREATE TABLE fake_stocks ( 
    stock_name STRING,
    stock_value double, 
    ts TIMESTAMP(3),
    log_time AS ts,
    WATERMARK FOR log_time AS log_time
) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/stocks.csv', 'format' = 'csv');
CREATE TABLE o1 (stock_name STRING, log_time TIMESTAMP(3), stock_value DOUBLE, previous_value DOUBLE, trend STRING) WITH ('connector'='print');
INSERT INTO o1
WITH current_and_previous as (
    select 
        stock_name,
        log_time, 
        stock_value, 
        lag(stock_value, 1) over (partition by stock_name order by log_time) previous_value 
    from fake_stocks
)
select *, 
    case 
        when stock_value > previous_value then '▲'
        when stock_value < previous_value then '▼'
        else '=' 
    end as trend 
from current_and_previous;
-- expect stdout (unordered):
--| +I[Deja Brew, 2020-12-19T10:00, 10.5, null, =]
--| +I[Pita Pan, 2020-12-19T10:00:01, 12.25, null, =]
--| +I[Deja Brew, 2020-12-19T10:00:02, 11.0, 10.5, ▲]
--| +I[Deja Brew, 2020-12-19T10:00:03, 11.0, 11.0, =]
--| +I[Pita Pan, 2020-12-19T10:00:04, 12.0, 12.25, ▼]
--| +I[Deja Brew, 2020-12-19T10:00:05, 9.75, 11.0, ▼]
