namespace StreamSql.Tests.Differential;

/// <summary>
/// WHERE subqueries as semi and anti joins over two random tables, each query's materialized changelog compared with
/// DuckDB's answer for the same rows: IN (plain and correlated, with a residual condition), EXISTS, NOT EXISTS, NOT IN
/// over non-null values, row IN / NOT IN of two columns, NULL keys (which match nothing: an anti join keeps their rows), several subqueries in one WHERE,
/// updating inputs on the left and on the right (GROUP BY results) and an aggregation over an anti join's retractions; at
/// parallelism 1 with large batches and at parallelism 2 with 7-row batches.
/// </summary>
public sealed class SemiAntiJoinDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT t.k, t.v FROM t WHERE t.k IN (SELECT k FROM u)",
        "SELECT t.k, t.v, t.s FROM t WHERE t.k IN (SELECT k FROM u WHERE u.v > t.v) AND t.b",
        "SELECT t.v, t.s FROM t WHERE EXISTS (SELECT * FROM u WHERE u.k = t.k AND u.s = t.s)",
        "SELECT t.k, t.v FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k)",
        "SELECT t.k, t.v FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.v > t.v AND u.b)",
        "SELECT t.k, t.v FROM t WHERE COALESCE(t.k, 0) NOT IN (SELECT COALESCE(k, 1) FROM u WHERE v > 50)",
        "SELECT t.v FROM t WHERE t.k + 1 IN (SELECT k FROM u) AND NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.v < t.v)",
        "SELECT a.k, a.c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = a.k AND u.v > a.c * 10)",
        "SELECT a.k, a.c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a WHERE a.k IN (SELECT k FROM u WHERE u.b)",
        "SELECT t.k, t.v FROM t WHERE t.k IN (SELECT k FROM u GROUP BY k HAVING COUNT(*) > 2)",
        "SELECT t.v FROM t WHERE NOT EXISTS (SELECT 1 FROM (SELECT k, COUNT(*) AS c FROM u GROUP BY k) AS g WHERE g.k = t.k AND g.c > 2)",
        "SELECT t.k, t.s FROM t WHERE EXISTS (SELECT 1 FROM t AS x WHERE x.k = t.k AND v > t.v)",
        "SELECT t.s, COUNT(*) AS n, SUM(t.v) AS sv FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.k) GROUP BY t.s",
        "SELECT k, b FROM t INTERSECT SELECT k, b FROM u",
        "SELECT k % 5 AS m, s FROM t EXCEPT SELECT k % 3, s FROM u",
        "SELECT k FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS a WHERE c > 1 EXCEPT SELECT k FROM u WHERE v > 50",
        "SELECT t.k, t.v FROM t WHERE (t.k, t.s) IN (SELECT k, s FROM u WHERE v > 0)",
        "SELECT t.k, t.v FROM t WHERE (t.k, t.b) IN (SELECT k, b FROM u GROUP BY k, b HAVING COUNT(*) > 1)",
        "SELECT t.k, t.v FROM t WHERE (COALESCE(t.k, 0), COALESCE(t.s, '')) NOT IN (SELECT COALESCE(k, 1), COALESCE(s, '') FROM u WHERE v > 50)",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Subqueries_agree_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Subqueries_agree_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    /// <summary>On rocksdb with a group cache of 8 keys: groups of both sides are evicted and read back between batches.</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Subqueries_agree_with_duckdb_on_rocksdb_with_a_tiny_group_cache(string query) =>
        await CheckAsync(query, 2, 7, ("state.backend.type", "rocksdb"), ("state.backend.rocksdb.group-table.cache-size", "8"));

    private static async Task CheckAsync(string query, int parallelism, int batchRows, params (string, string)[] extra)
    {
        await using var run = new DifferentialRun(20261204, [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. extra,
        ]);
        run.AddTable("t", rows: 300);
        run.AddTable("u", rows: 200);
        await run.CheckAsync(DualSql.Same(query));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
