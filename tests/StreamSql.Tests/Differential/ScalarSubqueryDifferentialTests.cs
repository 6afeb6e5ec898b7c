namespace StreamSql.Tests.Differential;

/// <summary>
/// Scalar subqueries in WHERE and in the select list over two random NULL-rich tables, each query's materialized
/// changelog compared with DuckDB's answer: uncorrelated global aggregations (joined on a constant key; an empty one
/// reads NULL), LIMIT 1, correlated aggregations decorrelated into a grouped aggregation joined on the correlation keys
/// (a bare COUNT reads 0 for a row without a group), several subqueries in one SELECT and one under a GROUP BY; at
/// parallelism 1 with large batches and at parallelism 2 with 7-row batches. The subqueries' values change while the
/// rows stream, so the outer rows are retracted and emitted again.
/// </summary>
public sealed class ScalarSubqueryDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT t.k, t.v FROM t WHERE t.v > (SELECT MAX(v) - 300 FROM u)",
        "SELECT t.k, t.v - (SELECT MIN(v) FROM u) AS d FROM t",
        "SELECT t.k, (SELECT MAX(v) FROM u WHERE v > 5000) AS m FROM t",
        "SELECT t.k, (SELECT COUNT(*) FROM u WHERE u.k = t.k) AS n FROM t",
        "SELECT t.k, t.v FROM t WHERE t.v > (SELECT MAX(u.v) FROM u WHERE u.k = t.k AND u.b)",
        "SELECT t.s, (SELECT MAX(v) FROM u WHERE v < 0) AS m, (SELECT COUNT(v) FROM u WHERE u.s = t.s AND u.k = t.k) AS c FROM t WHERE t.k < 10",
        "SELECT t.s, COUNT(*) AS n FROM t WHERE t.v < (SELECT MAX(v) - 500 FROM u) GROUP BY t.s",
        "SELECT t.k FROM t WHERE t.v = (SELECT v FROM u WHERE v IS NOT NULL ORDER BY v DESC LIMIT 1) OR t.k = 1",
        "SELECT t.k, t.v, (SELECT SUM(u.v) FROM u WHERE u.k = t.k + 1) AS s FROM t",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Scalar_subqueries_agree_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Scalar_subqueries_agree_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    private static async Task CheckAsync(string query, int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261207, [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        run.AddTable("t", rows: 300);
        run.AddTable("u", rows: 200);
        await run.CheckAsync(DualSql.Same(query));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
