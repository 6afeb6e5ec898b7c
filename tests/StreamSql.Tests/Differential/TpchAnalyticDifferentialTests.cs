namespace StreamSql.Tests.Differential;

/// <summary>
/// Analytic SQL beyond the 22 queries over the same TPC-H tables (the shapes of TPC-DS-like reports): grouping sets,
/// ROLLUP and CUBE with GROUPING(), several CTEs read twice, UNION ALL of aggregations, INTERSECT/EXCEPT, scalar subqueries
/// in select lists, correlated EXISTS/NOT EXISTS with non-equality terms and with IN/NOT IN/EXISTS nested in them, NOT IN,
/// CASE buckets, HAVING with COUNT
/// DISTINCT, string and date functions; each compared with DuckDB in batch and in streaming mode.
/// </summary>
public sealed class TpchAnalyticDifferentialTests(TpchFixture fixture) : IClassFixture<TpchFixture>
{
    public static TheoryData<string, string> Queries => new()
    {
        { "rollup", "SELECT l_returnflag, l_linestatus, COUNT(*) AS n, SUM(l_quantity) AS q, GROUPING(l_returnflag) AS g FROM lineitem GROUP BY ROLLUP (l_returnflag, l_linestatus)" },
        { "cube", "SELECT o_orderstatus, o_orderpriority, COUNT(*) AS n FROM orders GROUP BY CUBE (o_orderstatus, o_orderpriority)" },
        { "grouping_sets", "SELECT n_name, c_mktsegment, SUM(c_acctbal) AS b FROM customer JOIN nation ON c_nationkey = n_nationkey GROUP BY GROUPING SETS ((n_name), (c_mktsegment), ())" },
        { "two_ctes", "WITH big AS (SELECT o_custkey, SUM(o_totalprice) AS t FROM orders GROUP BY o_custkey), avg_big AS (SELECT AVG(t) AS a FROM big) SELECT b.o_custkey, b.t FROM big b, avg_big WHERE b.t > avg_big.a * 2" },
        { "union_all_aggregates", "SELECT 'ship' AS k, COUNT(*) AS n FROM lineitem WHERE l_shipmode = 'SHIP' UNION ALL SELECT 'mail', COUNT(*) FROM lineitem WHERE l_shipmode = 'MAIL' UNION ALL SELECT l_shipinstruct, COUNT(*) FROM lineitem GROUP BY l_shipinstruct" },
        { "intersect", "SELECT c_nationkey FROM customer WHERE c_acctbal > 9000 INTERSECT SELECT s_nationkey FROM supplier" },
        { "except", "SELECT c_custkey FROM customer EXCEPT SELECT o_custkey FROM orders" },
        { "scalar_in_select", "SELECT n_name, (SELECT COUNT(*) FROM supplier WHERE s_nationkey = n_nationkey) AS suppliers, (SELECT MAX(c_acctbal) FROM customer WHERE c_nationkey = n_nationkey) AS richest FROM nation" },
        { "exists_non_equality", "SELECT o_orderkey FROM orders WHERE o_orderdate < DATE '1993-01-01' AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_receiptdate > l_commitdate + INTERVAL '20' DAY)" },
        { "not_in", "SELECT p_partkey FROM part WHERE p_size < 5 AND p_partkey NOT IN (SELECT l_partkey FROM lineitem WHERE l_quantity > 49)" },
        { "case_buckets", "SELECT CASE WHEN o_totalprice < 50000 THEN 'small' WHEN o_totalprice < 150000 THEN 'medium' ELSE 'large' END AS bucket, COUNT(*) AS n, MIN(o_orderdate) AS first_day FROM orders GROUP BY CASE WHEN o_totalprice < 50000 THEN 'small' WHEN o_totalprice < 150000 THEN 'medium' ELSE 'large' END" },
        { "count_distinct_having", "SELECT l_suppkey, COUNT(DISTINCT l_orderkey) AS orders_n, COUNT(DISTINCT l_partkey) AS parts_n FROM lineitem GROUP BY l_suppkey HAVING COUNT(DISTINCT l_partkey) > 30" },
        { "dates", "SELECT EXTRACT(YEAR FROM o_orderdate) AS y, EXTRACT(QUARTER FROM o_orderdate) AS q, COUNT(*) AS n FROM orders WHERE o_orderdate BETWEEN DATE '1994-01-01' AND DATE '1995-12-31' GROUP BY EXTRACT(YEAR FROM o_orderdate), EXTRACT(QUARTER FROM o_orderdate)" },
        { "strings", "SELECT UPPER(SUBSTRING(p_name FROM 1 FOR 3)) AS prefix, COUNT(*) AS n, MAX(CHAR_LENGTH(p_name)) AS longest FROM part WHERE p_name LIKE '%blue%' OR p_type LIKE 'LARGE%' GROUP BY UPPER(SUBSTRING(p_name FROM 1 FOR 3))" },
        { "left_join_null_counts", "SELECT s_nationkey, COUNT(ps_partkey) AS parts, COUNT(*) AS n FROM supplier LEFT JOIN partsupp ON s_suppkey = ps_suppkey AND ps_availqty > 9990 GROUP BY s_nationkey" },
        { "derived_join_aggregates", "SELECT a.o_custkey, a.n, b.q FROM (SELECT o_custkey, COUNT(*) AS n FROM orders GROUP BY o_custkey) a JOIN (SELECT o_custkey, SUM(l_quantity) AS q FROM orders JOIN lineitem ON o_orderkey = l_orderkey GROUP BY o_custkey) b ON a.o_custkey = b.o_custkey WHERE a.n > 15" },
        { "full_join", "SELECT COALESCE(x.k, y.k) AS k, x.n AS orders_n, y.n AS lines_n FROM (SELECT o_orderpriority AS k, COUNT(*) AS n FROM orders WHERE o_orderstatus = 'F' GROUP BY o_orderpriority) x FULL JOIN (SELECT l_shipmode AS k, COUNT(*) AS n FROM lineitem GROUP BY l_shipmode) y ON x.k = y.k" },
        { "exists_with_nested_in", "SELECT o_orderkey FROM orders WHERE o_orderdate < DATE '1993-01-01' AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_partkey IN (SELECT p_partkey FROM part WHERE p_type LIKE 'PROMO%'))" },
        { "not_exists_with_nested_not_in", "SELECT o_orderkey FROM orders WHERE o_orderdate < DATE '1992-06-01' AND NOT EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_suppkey NOT IN (SELECT s_suppkey FROM supplier WHERE s_nationkey < 12))" },
        { "in_with_nested_correlated_exists", "SELECT c_custkey FROM customer WHERE c_custkey IN (SELECT o_custkey FROM orders WHERE o_orderpriority = '1-URGENT' AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_shipmode = 'AIR'))" },
        { "in_list_and_between", "SELECT l_shipmode, SUM(l_extendedprice * l_discount) AS r FROM lineitem WHERE l_shipmode IN ('AIR', 'REG AIR', 'FOB') AND l_discount BETWEEN 0.02 AND 0.04 GROUP BY l_shipmode" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Analytic_query_agrees_with_duckdb_in_batch_mode(string name, string query) => await CheckAsync(name, query, batch: true);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Analytic_query_agrees_with_duckdb_in_streaming_mode(string name, string query) => await CheckAsync(name, query, batch: false);

    private async Task CheckAsync(string name, string query, bool batch)
    {
        await using var run = new DifferentialRun(1, [
            ("execution.runtime-mode", batch ? "batch" : "streaming"),
            ("parallelism.default", "2"),
        ]) { RequireInsertOnly = batch };
        foreach (var ddl in fixture.Data.EngineDdl()) run.ExecuteEngine(ddl);
        foreach (var ddl in fixture.Data.DuckDbDdl()) run.ExecuteOracle(ddl);
        var duckDb = query.Replace("AVG(t)", "CAST(AVG(t) AS DECIMAL(38, 6))", StringComparison.Ordinal);
        await run.CheckAsync(new DualSql(query, duckDb));
        Assert.True(run.Mismatches == 0, $"{name}: " + run.Report());
        Assert.True(run.NonEmptyCases == 1, $"{name} returned no rows on this data");
    }
}
