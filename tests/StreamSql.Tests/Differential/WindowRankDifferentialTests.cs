using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Window Top-N and window deduplication (<c>ROW_NUMBER() OVER (PARTITION BY window_start, window_end, ...)</c> over a
/// TUMBLE, HOP or CUMULATE window table function, or over a window aggregation) against DuckDB's ROW_NUMBER over the same window
/// assignment. The engine must answer with inserts only (each window's top rows emitted once when it fires), so the
/// changelog is checked to be insert-only, as an append-only sink needs. Ties rank by arrival (a later row after the
/// earlier ones; keeping the last row takes the later one on equal rowtime), so DuckDB orders ties by <c>seq</c>.
/// Parallelism 1 with large batches and parallelism 2 with 7-row batches.
/// </summary>
public sealed class WindowRankDifferentialTests
{
    private const string Tumble = "TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)";
    private const string Hop = "HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)";
    private const string Cumulate = "CUMULATE(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)";

    private static string Tvf(string kind) => kind switch { "TUMBLE" => Tumble, "HOP" => Hop, _ => Cumulate };

    /// <summary>DuckDB's rows of each window: (ws, we) in epoch ms, window_start and window_end as timestamps.</summary>
    private static string DuckWindows(string kind)
    {
        string bounds = kind switch
        {
            "TUMBLE" => "SELECT *, epoch_ms(ts) // 10000 * 10000 AS ws, epoch_ms(ts) // 10000 * 10000 + 10000 AS we FROM t",
            "HOP" => "SELECT *, epoch_ms(ts) // 5000 * 5000 - i * 5000 AS ws, epoch_ms(ts) // 5000 * 5000 - i * 5000 + 15000 AS we FROM t CROSS JOIN range(0, 3) r(i)",
            _ => "SELECT *, epoch_ms(ts) // 15000 * 15000 AS ws, epoch_ms(ts) // 15000 * 15000 + j * 5000 AS we FROM t CROSS JOIN range(1, 4) r(j) "
                + "WHERE epoch_ms(ts) // 15000 * 15000 + j * 5000 > epoch_ms(ts)",
        };
        return $"SELECT *, make_timestamp(ws * 1000) AS window_start, make_timestamp(we * 1000) AS window_end FROM ({bounds})";
    }

    private static DualSql Ranked(string kind, string keys, string engineOrder, string duckOrder, string filter, string columns) => new(
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end{keys} ORDER BY {engineOrder}) AS rn "
        + $"FROM TABLE({Tvf(kind)})) WHERE {filter}",
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end{keys} ORDER BY {duckOrder}) AS rn "
        + $"FROM ({DuckWindows(kind)})) WHERE {filter}");

    [Theory]
    [InlineData(1, 4096, 20261220)]
    [InlineData(2, 7, 20261221)]
    public async Task Window_top_n_and_deduplication_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture))) { RequireInsertOnly = true };
        run.AddTable("t", rows: 400, lateRows: false, sequence: true);
        await CheckCasesAsync(run);
    }

    /// <summary>Batch mode: the same queries over rows some of which a streaming job would drop as late; a batch job has
    /// no late rows (its one watermark, at end of input, fires every window), so DuckDB's answer over every row is expected.</summary>
    [Fact]
    public async Task Window_top_n_in_batch_mode_ranks_every_row()
    {
        await using var run = new DifferentialRun(20261222, ("execution.runtime-mode", "batch"), ("parallelism.default", "2"),
            ("execution.batch.max-rows", "16")) { RequireInsertOnly = true };
        run.AddTable("t", rows: 400, lateRows: true, sequence: true);
        await CheckCasesAsync(run);
    }

    private static async Task CheckCasesAsync(DifferentialRun run)
    {
        foreach (var kind in new[] { "TUMBLE", "HOP", "CUMULATE" })
        {
            // Top-N of the whole window and per key, with and without the rank number, a range past 1.
            await run.CheckAsync(Ranked(kind, "", "v DESC", "v DESC NULLS LAST, seq", "rn <= 3", "window_start, window_end, k, v, seq, rn"));
            await run.CheckAsync(Ranked(kind, ", k", "v DESC", "v DESC NULLS LAST, seq", "rn <= 2", "window_start, window_end, k, v, seq"));
            await run.CheckAsync(Ranked(kind, ", k", "s, d DESC", "s NULLS FIRST, d DESC NULLS LAST, seq", "rn BETWEEN 2 AND 3", "window_start, k, s, d, seq, rn"));
            // Deduplication on the rowtime: keep first (ties to the earlier row), keep last (ties to the later).
            await run.CheckAsync(Ranked(kind, ", k", "ts", "ts, seq", "rn = 1", "window_start, window_end, k, ts, seq"));
            await run.CheckAsync(Ranked(kind, ", k", "ts DESC", "ts DESC, seq DESC", "rn <= 1", "window_end, k, v, ts, seq"));
            await run.CheckAsync(Ranked(kind, "", "ts DESC", "ts DESC, seq DESC", "rn < 2", "window_start, window_end, ts, seq, rn"));
        }
        // Over a window aggregation: the top keys of each window by their sum (ties broken by the key).
        foreach (var kind in new[] { "TUMBLE", "HOP", "CUMULATE" })
            await run.CheckAsync(new DualSql(
                "SELECT window_start, window_end, k, sv, c, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY sv DESC, k) AS rn "
                + $"FROM (SELECT window_start, window_end, k, SUM(v) AS sv, COUNT(*) AS c FROM TABLE({Tvf(kind)}) GROUP BY window_start, window_end, k)) WHERE rn <= 3",
                "SELECT window_start, window_end, k, sv, c, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY sv DESC NULLS LAST, k NULLS FIRST) AS rn "
                + $"FROM (SELECT window_start, window_end, k, SUM(v) AS sv, COUNT(*) AS c FROM ({DuckWindows(kind)}) GROUP BY window_start, window_end, k)) WHERE rn <= 3"));
        // A window Top-N over a window Top-N: the top 2 of each window among the top 3 per key (ties by key, then arrival).
        await run.CheckAsync(new DualSql(
            "SELECT window_start, window_end, k, v, seq, r2 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY v DESC, k, seq) AS r2 "
            + $"FROM (SELECT window_start, window_end, k, v, seq FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY v DESC, seq) AS rn FROM TABLE({Tumble})) WHERE rn <= 3)) WHERE r2 <= 2",
            "SELECT window_start, window_end, k, v, seq, r2 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY v DESC NULLS LAST, k NULLS FIRST, seq) AS r2 "
            + $"FROM (SELECT window_start, window_end, k, v, seq FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY v DESC NULLS LAST, seq) AS rn FROM ({DuckWindows("TUMBLE")})) WHERE rn <= 3)) WHERE r2 <= 2"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }

    /// <summary>
    /// Window Top-N over SESSION window aggregations: per window the top keys by their sum, and per window and key the top
    /// values of another column. Times are whole multiples of 5 s, so sessions of different keys often share their bounds
    /// (a 1 s gap: one session per key and time) or only their end (a 7 s gap joins times 5 s apart), which must still
    /// rank apart. DuckDB numbers each key's sessions as <see cref="WindowDifferentialTests"/> does.
    /// </summary>
    [Theory]
    [InlineData(1, 4096, 20261223)]
    [InlineData(2, 7, 20261224)]
    public async Task Window_top_n_over_session_window_aggregations_agrees_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture))) { RequireInsertOnly = true };
        run.AddTable("sw", rows: 400, lateRows: false, sequence: true, timeStepMillis: 5000);
        foreach (int gap in new[] { 1, 7 })
        {
            await run.CheckAsync(SessionRanked(gap, ["k"], "", "sv DESC, k", "sv DESC NULLS LAST, k NULLS FIRST", "rn <= 3", "window_start, window_end, k, sv, c, rn"));
            await run.CheckAsync(SessionRanked(gap, ["k"], "", "c, k DESC", "c, k DESC NULLS LAST", "rn BETWEEN 2 AND 4", "window_start, window_end, k, c"));
            await run.CheckAsync(SessionRanked(gap, ["k", "s"], ", k", "c DESC, s", "c DESC, s NULLS FIRST", "rn <= 2", "window_start, window_end, k, s, c, rn"));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
        Assert.True(run.RowsCompared > 200, $"{run.RowsCompared} rows compared");
    }

    private static DualSql SessionRanked(int gap, string[] groupKeys, string rankKeys, string engineOrder, string duckOrder, string filter, string columns)
    {
        string keys = string.Join(", ", groupKeys);
        long gapMs = gap * 1000L;
        string over = $"PARTITION BY {keys} ORDER BY t";
        // Rows of equal time: the one LAG found a gap before starts the session (first), the others join it.
        string sessions = $"SELECT *, SUM(fresh) OVER ({over}, fresh DESC ROWS UNBOUNDED PRECEDING) AS sid FROM (SELECT *, "
            + $"CASE WHEN prev IS NULL OR t - prev > {gapMs} THEN 1 ELSE 0 END AS fresh "
            + $"FROM (SELECT *, epoch_ms(ts) AS t, LAG(epoch_ms(ts)) OVER ({over}) AS prev FROM sw))";
        string engineAggregate = $"SELECT window_start, window_end, {keys}, SUM(v) AS sv, COUNT(*) AS c "
            + $"FROM TABLE(SESSION(TABLE sw PARTITION BY ({keys}), DESCRIPTOR(ts), INTERVAL '{gap.ToString(CultureInfo.InvariantCulture)}' SECOND)) "
            + $"GROUP BY window_start, window_end, {keys}";
        string duckAggregate = $"SELECT make_timestamp(MIN(t) * 1000) AS window_start, make_timestamp((MAX(t) + {gapMs}) * 1000) AS window_end, {keys}, "
            + $"SUM(v) AS sv, COUNT(*) AS c FROM ({sessions}) GROUP BY {keys}, sid";
        return new(
            $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end{rankKeys} ORDER BY {engineOrder}) AS rn "
            + $"FROM ({engineAggregate})) WHERE {filter}",
            $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end{rankKeys} ORDER BY {duckOrder}) AS rn "
            + $"FROM ({duckAggregate})) WHERE {filter}");
    }
}
