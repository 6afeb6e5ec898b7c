namespace StreamSql.Tests.Differential;

/// <summary>
/// Interval joins (time bounds between the two inputs' rowtimes) over two random in-order tables, compared with DuckDB's
/// join of the same rows: INNER, LEFT, RIGHT and FULL, inclusive and exclusive bounds, BETWEEN, a residual condition and
/// the WHERE form. The outputs must be insert-only (outer rows padded once, never retracted), and a TUMBLE window over
/// an interval join's output (its rowtime kept, its watermark held back) must count every joined row.
/// </summary>
public sealed class IntervalJoinDifferentialTests
{
    public static TheoryData<string> Queries => new()
    {
        "SELECT t.k, t.v, u.v AS uv, t.ts, u.ts AS uts FROM t JOIN u ON t.k = u.k AND u.ts BETWEEN t.ts AND t.ts + INTERVAL '4' SECOND",
        "SELECT t.k, t.v, u.v AS uv, u.ts AS uts FROM t LEFT JOIN u ON t.k = u.k AND t.ts >= u.ts - INTERVAL '5' SECOND AND t.ts < u.ts",
        "SELECT t.v, u.k, u.v AS uv FROM t RIGHT JOIN u ON t.k = u.k AND t.ts > u.ts AND t.ts <= u.ts + INTERVAL '3' SECOND AND t.v < u.v",
        "SELECT t.k, t.v, u.k AS uk, u.v AS uv FROM t FULL JOIN u ON t.k = u.k AND t.ts BETWEEN u.ts - INTERVAL '2' SECOND AND u.ts + INTERVAL '2' SECOND",
        "SELECT t.v, u.v AS uv FROM t, u WHERE t.k = u.k AND t.ts BETWEEN u.ts - INTERVAL '1' SECOND AND u.ts + INTERVAL '1' SECOND",
        "SELECT u.v FROM t LEFT JOIN u ON t.k = u.k AND t.ts BETWEEN u.ts - INTERVAL '2' SECOND AND u.ts + INTERVAL '2' SECOND",
        "SELECT x.k, x.v, y.v AS yv FROM t AS x LEFT JOIN t AS y ON x.k = y.k AND y.ts > x.ts AND y.ts < x.ts + INTERVAL '6' SECOND",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Interval_joins_agree_with_duckdb_at_parallelism_1(string query) => await CheckAsync(query, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Interval_joins_agree_with_duckdb_at_parallelism_2_in_small_batches(string query) => await CheckAsync(query, 2, 7);

    [Fact]
    public async Task A_tumble_window_over_an_interval_join_counts_every_joined_row()
    {
        await using var run = Run(2, 7);
        const string join = "SELECT t.k, t.v, t.ts, u.v AS uv FROM t JOIN u ON t.k = u.k AND u.ts BETWEEN t.ts - INTERVAL '3' SECOND AND t.ts + INTERVAL '3' SECOND";
        run.ExecuteEngine($"CREATE TEMPORARY VIEW j AS {join}");
        await run.CheckAsync(new DualSql(
            "SELECT window_start, window_end, COUNT(*) AS n, SUM(uv) AS s FROM TABLE(TUMBLE(TABLE j, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end",
            "SELECT make_timestamp(ws * 1000) AS window_start, make_timestamp((ws + 10000) * 1000) AS window_end, COUNT(*) AS n, SUM(uv) AS s "
            + $"FROM (SELECT epoch_ms(ts) // 10000 * 10000 AS ws, uv FROM ({join})) GROUP BY ws"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }

    private static DifferentialRun Run(int parallelism, int batchRows)
    {
        var run = new DifferentialRun(20261204,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture))) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: false);
        run.AddTable("u", rows: 200, lateRows: false);
        return run;
    }

    private static async Task CheckAsync(string query, int parallelism, int batchRows)
    {
        await using var run = Run(parallelism, batchRows);
        await run.CheckAsync(DualSql.Same(query));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
    }
}
