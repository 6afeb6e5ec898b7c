using StreamSql.Tests.Differential;

namespace StreamSql.Tests;

/// <summary>
/// <c>COLLECT([DISTINCT] x)</c> as Flink's CollectAggFunction: a MULTISET of the values that are not NULL, empty for a
/// group without any; it retracts (the multiset loses one occurrence). Shown in the engine's list form of a MULTISET.
/// </summary>
public sealed class CollectAggregateTests : IDisposable
{
    private readonly KeyValueCsvTable _csv = new();

    public void Dispose() => _csv.Dispose();

    private string Table(params string[] lines) => _csv.Table(lines);

    private static Task<IReadOnlyList<string>> Changelog(string? ddl, string query) => KeyValueCsvTable.Changelog(ddl, query);

    [Fact]
    public async Task Collect_keeps_every_non_null_value_and_distinct_keeps_each_once()
    {
        var rows = await Changelog(null,
            "SELECT k, COLLECT(v) AS c, COLLECT(DISTINCT v) AS d, CARDINALITY(COLLECT(v)) AS n, TYPEOF(COLLECT(v)) AS t "
            + "FROM (VALUES ('a', 1), ('a', 1), ('a', CAST(NULL AS INT)), ('b', CAST(NULL AS INT)), ('a', 3)) AS t(k, v) GROUP BY k");
        Assert.Equal(new[] { "+I[a, [1, 1, 3], [1, 3], 3, MULTISET<INT> NOT NULL]", "+I[b, [], [], 0, MULTISET<INT> NOT NULL]" }, rows);
    }

    [Fact]
    public async Task Collect_row_by_row_and_over_retractions()
    {
        var rows = await Changelog(Table("a,1", "b,2", "a,", "a,3"), "SELECT k, COLLECT(v) AS c FROM t GROUP BY k");
        Assert.Equal(new[] { "+I[a, [1]]", "+I[b, [2]]", "-U[a, [1]]", "+U[a, [1, 3]]" }, rows);
        // Inner: +I[a, 1], +I[b, 2], then -U[a, 1] / +U[a, 4], applied one by one: the retracted 1 leaves the multiset.
        var retracting = await Changelog(Table("a,1", "b,2", "a,3"), "SELECT COLLECT(s) AS c FROM (SELECT k, SUM(v) AS s FROM t GROUP BY k)");
        Assert.Equal(new[] { "+I[[1]]", "-U[[1]]", "+U[[1, 2]]", "-U[[1, 2]]", "+U[[2]]", "-U[[2]]", "+U[[2, 4]]" }, retracting);
    }

    [Fact]
    public async Task Collect_in_an_over_window_is_refused()
    {
        await using var env = Sessions.Create();
        var error = Assert.ThrowsAny<Exception>(() => env.Query("SELECT COLLECT(v) OVER (ORDER BY v) FROM (VALUES (1)) AS t(v)"));
        Assert.Contains("COLLECT in an OVER window", error.Message);
    }

    [Fact]
    public async Task Collect_sizes_agree_with_duckdb_counts()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261204);
        run.AddTable("t", rows: 300);
        await run.CheckAsync(new DualSql(
            "SELECT k, CARDINALITY(COLLECT(v)) AS n, CARDINALITY(COLLECT(DISTINCT s)) AS d FROM t GROUP BY k",
            "SELECT k, count(v), count(DISTINCT s) FROM t GROUP BY k"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(1, run.NonEmptyCases);
    }
}
