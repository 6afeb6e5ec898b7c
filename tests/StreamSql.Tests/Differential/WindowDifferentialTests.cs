using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Window TVF aggregations (TUMBLE, HOP, CUMULATE; SESSION in its own 30 cases) over random in-order rows (NULL and skewed keys, NULL values), each
/// compared with DuckDB's answer: the engine fires every window when the bounded input ends; DuckDB assigns each row to
/// its windows by arithmetic on epoch milliseconds (HOP and CUMULATE through a join with the window offsets) and groups.
/// 60 generated cases per run with a fixed seed: COUNT(*), COUNT, SUM, MIN, MAX, AVG and FILTER (WHERE ...).
/// </summary>
public sealed class WindowDifferentialTests
{
    private static readonly (string Engine, string DuckDb)[] Aggregates =
    [
        ("COUNT(*)", "COUNT(*)"),
        ("COUNT(v)", "COUNT(v)"),
        ("SUM(v)", "SUM(v)"),
        ("MIN(v)", "MIN(v)"),
        ("MAX(v)", "MAX(v)"),
        // Flink's AVG of an INT is an INT: the sum divided by the count, truncated.
        ("AVG(v)", "CASE WHEN COUNT(v) = 0 THEN NULL ELSE CAST(trunc(SUM(v) / COUNT(v)) AS BIGINT) END"),
        ("SUM(d)", "SUM(d)"),
        ("MIN(d)", "MIN(d)"),
        ("MAX(s)", "MAX(s)"),
        ("MIN(s)", "MIN(s)"),
        ("COUNT(*) FILTER (WHERE b)", "COUNT(*) FILTER (WHERE b)"),
        ("SUM(v) FILTER (WHERE v > 100)", "SUM(v) FILTER (WHERE v > 100)"),
        ("MAX(d) FILTER (WHERE s = 'a')", "MAX(d) FILTER (WHERE s = 'a')"),
        // Two-phase windows merge the variance family's Welford states across slices and subtasks.
        ("VAR_POP(CAST(v AS DOUBLE))", "var_pop(CAST(v AS DOUBLE))"),
        ("STDDEV_SAMP(CAST(d AS DOUBLE))", "stddev_samp(CAST(d AS DOUBLE))"),
    ];

    private static readonly string[][] Keys = [[], ["k"], ["k"], ["k", "s"], ["b"]];

    [Fact]
    public async Task Random_window_aggregations_agree_with_duckdb()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261204);
        run.AddTable("w", rows: 400, lateRows: false);
        await CheckRandomWindowsAsync(run);
    }

    /// <summary>Batch mode: the same windows, read row by row, are inserts only, and count the rows a streaming job drops
    /// as late (a batch job has no late rows), so DuckDB's answer over every row is the expected one.</summary>
    [Fact]
    public async Task Random_window_aggregations_in_batch_mode_give_final_rows_over_every_row()
    {
        await using var run = new DifferentialRun(20261214, ("execution.runtime-mode", "batch"), ("parallelism.default", "2"),
            ("execution.batch.max-rows", "16")) { RequireInsertOnly = true };
        run.AddTable("w", rows: 400, lateRows: true);
        await CheckRandomWindowsAsync(run);
    }

    private static async Task CheckRandomWindowsAsync(DifferentialRun run)
    {
        var random = run.Random;
        int[] sizes = [5, 10, 20, 30, 60];
        for (int i = 0; i < 60; i++)
        {
            string kind = (i % 3) switch { 0 => "TUMBLE", 1 => "HOP", _ => "CUMULATE" };
            int size = sizes[random.Next(sizes.Length)];
            int step = kind == "TUMBLE" ? size : size / (random.Next(2) == 0 ? 5 : size == 5 ? 5 : 2);
            var keys = Keys[random.Next(Keys.Length)];
            var aggregates = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Aggregates[random.Next(Aggregates.Length)]).ToList();
            await run.CheckAsync(Query(kind, size, step, keys, aggregates));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == run.Cases, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
        Assert.True(run.RowsCompared > 5_000, $"{run.RowsCompared} rows compared");
    }

    /// <summary>TUMBLE windows grouped without aggregate functions (a DISTINCT per window, Nexmark q8's): the Local phase
    /// forwards rows to the Global phase instead of pre-aggregating them, so every phase strategy and parallelism must give
    /// DuckDB's one row per key and window, NULL keys one group.</summary>
    [Theory]
    [InlineData("AUTO", "1")]
    [InlineData("AUTO", "2")]
    [InlineData("ONE_PHASE", "1")]
    public async Task Random_tumble_windows_without_aggregates_agree_with_duckdb(string phases, string parallelism)
    {
        await using var run = new DifferentialRun(defaultSeed: 20261205, ("table.optimizer.agg-phase-strategy", phases),
            ("parallelism.default", parallelism));
        run.AddTable("w", rows: 400, lateRows: false);
        var random = run.Random;
        int[] sizes = [5, 10, 20, 30, 60];
        string[][] keys = [["k"], ["k", "s"], ["b"], ["s"]];
        for (int i = 0; i < 16; i++)
        {
            int size = sizes[random.Next(sizes.Length)];
            await run.CheckAsync(Query("TUMBLE", size, size, keys[random.Next(keys.Length)], []));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == run.Cases, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
        Assert.True(run.RowsCompared > 1_000, $"{run.RowsCompared} rows compared");
    }

    /// <summary>GROUPING SETS, ROLLUP and CUBE beside window_start and window_end: one row per grouping set per group and
    /// window, the keys outside the set NULL, GROUPING/GROUPING_ID saying which set; an aggregate over a key reads every
    /// row's value. DuckDB groups the same window assignment by the same sets.</summary>
    [Theory]
    [InlineData("AUTO")]
    [InlineData("ONE_PHASE")]
    public async Task Random_window_aggregations_with_grouping_sets_agree_with_duckdb(string phases)
    {
        await using var run = new DifferentialRun(defaultSeed: 20261206, ("table.optimizer.agg-phase-strategy", phases));
        run.AddTable("w", rows: 400, lateRows: false);
        var random = run.Random;
        int[] sizes = [5, 10, 20, 30, 60];
        string[][] pairs = [["k", "s"], ["s", "b"], ["b", "k"]];
        for (int i = 0; i < 24; i++)
        {
            string kind = (i % 3) switch { 0 => "TUMBLE", 1 => "HOP", _ => "CUMULATE" };
            int size = sizes[random.Next(sizes.Length)];
            int step = kind == "TUMBLE" ? size : size / (random.Next(2) == 0 ? 5 : size == 5 ? 5 : 2);
            var pair = pairs[random.Next(pairs.Length)];
            string a = pair[0], b = pair[1];
            string sets = (i / 3 % 4) switch
            {
                0 => $"GROUPING SETS (({a}), ({b}), ())",
                1 => $"ROLLUP ({a}, {b})",
                2 => $"CUBE ({a}, {b})",
                _ => $"GROUPING SETS (({a}, {b}), ({b}))",
            };
            var aggregates = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Aggregates[random.Next(Aggregates.Length)]).ToList();
            if (random.Next(2) == 0) aggregates.Add(($"COUNT({a})", $"COUNT({a})"));
            // A filter on the window columns keeps the window function apart from the aggregation (which then reads its
            // window_start and window_end instead of assigning windows itself).
            string where = i % 2 == 1 ? " WHERE window_start < window_end" : "";
            // GROUPING with two keys is the same bit vector as GROUPING_ID.
            string bits = i % 4 < 2 ? "GROUPING_ID" : "GROUPING";
            await run.CheckAsync(Query(kind, size, step, [], aggregates,
                groupingSets: (sets, where, $"GROUPING({a}) AS g, {bits}({a}, {b}) AS gid, {a}, {b}, ", $"GROUPING({a}) AS g, GROUPING({a}, {b}) AS gid, {a}, {b}, ")));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == run.Cases, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
        Assert.True(run.RowsCompared > 2_000, $"{run.RowsCompared} rows compared");
    }

    /// <summary>ROLLUP beside a SESSION window: sessions form per grouping set and key values (the aggregation is keyed by
    /// the keys and <c>$e</c>, as Flink's), so DuckDB's answer is one session query per set, UNION ALL.</summary>
    [Fact]
    public async Task Random_session_window_aggregations_with_rollup_agree_with_duckdb()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261207);
        run.AddTable("w", rows: 300, lateRows: false);
        var random = run.Random;
        int[] gaps = [1, 2, 3, 5];
        string[][] pairs = [["k", "s"], ["s", "b"], ["b", "k"]];
        for (int i = 0; i < 9; i++)
        {
            int gap = gaps[random.Next(gaps.Length)];
            var pair = pairs[i % pairs.Length];
            bool partitioned = i % 2 == 0;
            var aggregates = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Aggregates[random.Next(Aggregates.Length)]).ToList();
            await run.CheckAsync(SessionRollupQuery(gap, pair[0], pair[1], partitioned, aggregates));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == run.Cases, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
        Assert.True(run.RowsCompared > 500, $"{run.RowsCompared} rows compared");
    }

    private static DualSql SessionRollupQuery(int gap, string a, string b, bool partitioned, List<(string Engine, string DuckDb)> aggregates)
    {
        long gapMs = gap * 1000L;
        string engineAggs = string.Join(", ", aggregates.Select((x, n) => $"{x.Engine} AS a{n}"));
        string duckAggs = string.Join(", ", aggregates.Select((x, n) => $"{x.DuckDb} AS a{n}"));
        // A PARTITION BY column must be in every set: partitioned by a, a is a plain key beside ROLLUP (b).
        string engine = $"SELECT {a}, {b}, GROUPING_ID({a}, {b}) AS gid, window_start, window_end, {engineAggs} "
            + $"FROM TABLE(SESSION(TABLE w{(partitioned ? $" PARTITION BY {a}" : "")}, DESCRIPTOR(ts), INTERVAL '{gap.ToString(CultureInfo.InvariantCulture)}' SECOND)) "
            + $"GROUP BY window_start, window_end, " + (partitioned ? $"{a}, ROLLUP ({b})" : $"ROLLUP ({a}, {b})");
        string[][] sets = partitioned ? [[a, b], [a]] : [[a, b], [a], []];
        var branches = sets.Select(set =>
        {
            string over = set.Length == 0 ? "ORDER BY t" : $"PARTITION BY {string.Join(", ", set)} ORDER BY t";
            string keyList = string.Concat(set.Select(k => k + ", "));
            string sessions = $"SELECT *, SUM(CASE WHEN prev IS NULL OR t - prev > {gapMs} THEN 1 ELSE 0 END) OVER ({over} ROWS UNBOUNDED PRECEDING) AS sid "
                + $"FROM (SELECT *, epoch_ms(ts) AS t, LAG(epoch_ms(ts)) OVER ({over}) AS prev FROM w)";
            long gid = (set.Contains(a) ? 0 : 2) | (set.Contains(b) ? 0 : 1);
            string Item(string key) => set.Contains(key) ? key : $"NULL AS {key}";
            return $"SELECT {Item(a)}, {Item(b)}, {gid.ToString(CultureInfo.InvariantCulture)} AS gid, make_timestamp(MIN(t) * 1000) AS window_start, "
                + $"make_timestamp((MAX(t) + {gapMs}) * 1000) AS window_end, {duckAggs} FROM ({sessions}) GROUP BY {keyList}sid";
        });
        return new DualSql(engine, string.Join(" UNION ALL ", branches));
    }

    /// <summary>SESSION windows (with and without PARTITION BY the group keys): DuckDB numbers each key's sessions with a
    /// running count of rows more than the gap after the previous row (LAG over the key's rows in time order), as a row's
    /// window [ts, ts + gap) merges with a session it overlaps or touches.</summary>
    [Fact]
    public async Task Random_session_window_aggregations_agree_with_duckdb()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261205);
        run.AddTable("w", rows: 400, lateRows: false);
        await CheckRandomSessionsAsync(run);
    }

    private static async Task CheckRandomSessionsAsync(DifferentialRun run)
    {
        var random = run.Random;
        int[] gaps = [1, 2, 3, 5];
        for (int i = 0; i < 30; i++)
        {
            int gap = gaps[random.Next(gaps.Length)];
            var keys = Keys[random.Next(Keys.Length)];
            bool partitioned = keys.Length > 0 && random.Next(3) > 0;
            var aggregates = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Aggregates[random.Next(Aggregates.Length)]).ToList();
            await run.CheckAsync(SessionQuery(gap, keys, partitioned, aggregates));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == run.Cases, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
        Assert.True(run.RowsCompared > 1_000, $"{run.RowsCompared} rows compared");
    }

    private static DualSql SessionQuery(int gap, string[] keys, bool partitioned, List<(string Engine, string DuckDb)> aggregates)
    {
        long gapMs = gap * 1000L;
        string partition = !partitioned ? "" : keys.Length == 1 ? $" PARTITION BY {keys[0]}" : $" PARTITION BY ({string.Join(", ", keys)})";
        string over = keys.Length == 0 ? "ORDER BY t" : $"PARTITION BY {string.Join(", ", keys)} ORDER BY t";
        string keyList = string.Concat(keys.Select(k => k + ", "));
        string engineAggs = string.Join(", ", aggregates.Select((a, n) => $"{a.Engine} AS a{n}"));
        string duckAggs = string.Join(", ", aggregates.Select((a, n) => $"{a.DuckDb} AS a{n}"));
        string sessions = $"SELECT *, SUM(CASE WHEN prev IS NULL OR t - prev > {gapMs} THEN 1 ELSE 0 END) OVER ({over} ROWS UNBOUNDED PRECEDING) AS sid "
            + $"FROM (SELECT *, epoch_ms(ts) AS t, LAG(epoch_ms(ts)) OVER ({over}) AS prev FROM w)";
        return new DualSql(
            $"SELECT {keyList}window_start, window_end, {engineAggs} "
            + $"FROM TABLE(SESSION(TABLE w{partition}, DESCRIPTOR(ts), INTERVAL '{gap.ToString(CultureInfo.InvariantCulture)}' SECOND)) "
            + $"GROUP BY {keyList}window_start, window_end",
            $"SELECT {keyList}make_timestamp(MIN(t) * 1000) AS window_start, make_timestamp((MAX(t) + {gapMs}) * 1000) AS window_end, {duckAggs} "
            + $"FROM ({sessions}) GROUP BY {keyList}sid");
    }

    /// <param name="groupingSets">GROUPING SETS, ROLLUP or CUBE to group by beside the window, the engine's WHERE clause
    /// (over the window function, true for every row), and the select items (keys, GROUPING calls) each side puts before
    /// the window columns.</param>
    private static DualSql Query(string kind, int size, int step, string[] keys, List<(string Engine, string DuckDb)> aggregates,
        (string Sets, string EngineWhere, string EngineItems, string DuckDbItems)? groupingSets = null)
    {
        string Seconds(int s) => $"INTERVAL '{s.ToString(CultureInfo.InvariantCulture)}' SECOND";
        string tvf = kind switch
        {
            "TUMBLE" => $"TUMBLE(TABLE w, DESCRIPTOR(ts), {Seconds(size)})",
            "HOP" => $"HOP(TABLE w, DESCRIPTOR(ts), {Seconds(step)}, {Seconds(size)})",
            _ => $"CUMULATE(TABLE w, DESCRIPTOR(ts), {Seconds(step)}, {Seconds(size)})",
        };
        long sizeMs = size * 1000L, stepMs = step * 1000L;
        // Each row's windows as (start, end) in epoch ms.
        string windows = kind switch
        {
            "TUMBLE" => $"SELECT *, epoch_ms(ts) // {sizeMs} * {sizeMs} AS ws, epoch_ms(ts) // {sizeMs} * {sizeMs} + {sizeMs} AS we FROM w",
            "HOP" => $"SELECT *, epoch_ms(ts) // {stepMs} * {stepMs} - i * {stepMs} AS ws, epoch_ms(ts) // {stepMs} * {stepMs} - i * {stepMs} + {sizeMs} AS we "
                + $"FROM w CROSS JOIN range(0, {size / step}) r(i)",
            _ => $"SELECT *, epoch_ms(ts) // {sizeMs} * {sizeMs} AS ws, epoch_ms(ts) // {sizeMs} * {sizeMs} + j * {stepMs} AS we "
                + $"FROM w CROSS JOIN range(1, {size / step + 1}) r(j) WHERE epoch_ms(ts) // {sizeMs} * {sizeMs} + j * {stepMs} > epoch_ms(ts)",
        };
        string keyList = string.Concat(keys.Select(k => k + ", "));
        string engineAggs = string.Join(", ", aggregates.Select((a, n) => $"{a.Engine} AS a{n}"));
        string duckAggs = string.Join(", ", aggregates.Select((a, n) => $"{a.DuckDb} AS a{n}"));
        if (groupingSets is { } g)
            return new DualSql(
                $"SELECT {g.EngineItems}window_start, window_end, {engineAggs} FROM TABLE({tvf}){g.EngineWhere} GROUP BY window_start, window_end, {g.Sets}",
                $"SELECT {g.DuckDbItems}make_timestamp(ws * 1000) AS window_start, make_timestamp(we * 1000) AS window_end, {duckAggs} "
                + $"FROM ({windows}) GROUP BY ws, we, {g.Sets}");
        if (aggregates.Count == 0) (engineAggs, duckAggs) = ("", "");
        else (engineAggs, duckAggs) = (", " + engineAggs, ", " + duckAggs);
        return new DualSql(
            $"SELECT {keyList}window_start, window_end{engineAggs} FROM TABLE({tvf}) GROUP BY {keyList}window_start, window_end",
            $"SELECT {keyList}make_timestamp(ws * 1000) AS window_start, make_timestamp(we * 1000) AS window_end{duckAggs} "
            + $"FROM ({windows}) GROUP BY {keyList}ws, we");
    }
}
