using StreamSql.Tests.Differential;

namespace StreamSql.Tests.HuntB;

/// <summary>
/// Joins without an equality between their sides (Flink's singleton joins: both inputs on one subtask), each query's
/// materialized changelog compared with DuckDB's answer over the same random rows: a range ON, a LEFT and a FULL join on a
/// range, a comma join with a range, EXISTS / NOT EXISTS correlated by a range, and a join with a global aggregate's
/// updating result.
/// </summary>
public sealed class HuntBKeylessJoinDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT t.k, t.v, u.v AS uv FROM t JOIN u ON ABS(t.v - u.v) < 3",
        "SELECT t.k, t.v, u.v AS uv FROM t LEFT JOIN u ON t.v - u.v BETWEEN 0 AND 1",
        "SELECT t.k, t.v, u.k AS uk, u.v AS uv FROM t FULL JOIN u ON t.v = u.v + 1 OR t.v = u.v - 1",
        "SELECT t.k, u.k AS uk FROM t, u WHERE t.v > u.v AND t.v < u.v + 2",
        "SELECT t.k, t.v FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.v > t.v + 5)",
        "SELECT t.k, t.v FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.v BETWEEN t.v - 2 AND t.v + 2)",
        "SELECT t.k, t.v, m.mx FROM t, (SELECT MAX(v) AS mx FROM u) AS m WHERE t.v >= m.mx - 20",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Keyless_joins_agree_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Keyless_joins_agree_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    private static async Task CheckAsync(string query, int parallelism, int batchRows)
    {
        (string, string)[] settings =
        [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        await using var run = new DifferentialRun(20261205, settings);
        run.AddTable("t", rows: 120);
        run.AddTable("u", rows: 80);
        await run.CheckAsync(DualSql.Same(query));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
