using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Window joins (two TUMBLE, HOP or CUMULATE window table functions of one spec joined on window_start and window_end)
/// against DuckDB's join of the same window assignments, for INNER, LEFT, RIGHT, FULL, semi (<c>EXISTS</c>, <c>IN</c>) and
/// anti (<c>NOT EXISTS</c>) joins, with and without a residual condition and with no key besides the window. The engine
/// must answer with inserts only (each window joined once when it fires), as an append-only sink needs. Parallelism 1
/// with large batches and parallelism 2 with 7-row batches.
/// </summary>
public sealed class WindowJoinDifferentialTests
{
    private static string Tvf(string kind, string table) => kind switch
    {
        "TUMBLE" => $"TUMBLE(TABLE {table}, DESCRIPTOR(ts), INTERVAL '10' SECOND)",
        "HOP" => $"HOP(TABLE {table}, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)",
        _ => $"CUMULATE(TABLE {table}, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)",
    };

    /// <summary>DuckDB's rows of each window of <paramref name="table"/>, window_start and window_end as timestamps.</summary>
    private static string DuckWindows(string kind, string table)
    {
        string bounds = kind switch
        {
            "TUMBLE" => $"SELECT *, epoch_ms(ts) // 10000 * 10000 AS ws, epoch_ms(ts) // 10000 * 10000 + 10000 AS we FROM {table}",
            "HOP" => $"SELECT *, epoch_ms(ts) // 5000 * 5000 - i * 5000 AS ws, epoch_ms(ts) // 5000 * 5000 - i * 5000 + 15000 AS we FROM {table} CROSS JOIN range(0, 3) r(i)",
            _ => $"SELECT *, epoch_ms(ts) // 15000 * 15000 AS ws, epoch_ms(ts) // 15000 * 15000 + j * 5000 AS we FROM {table} CROSS JOIN range(1, 4) r(j) "
                + "WHERE epoch_ms(ts) // 15000 * 15000 + j * 5000 > epoch_ms(ts)",
        };
        return $"SELECT * EXCLUDE (ws, we), make_timestamp(ws * 1000) AS window_start, make_timestamp(we * 1000) AS window_end FROM ({bounds})";
    }

    /// <summary>The query with <c>{L}</c> and <c>{R}</c> standing for the windowed relations of tables a and b.</summary>
    private static DualSql Windowed(string kind, string query) => new(
        query.Replace("{L}", $"(SELECT * FROM TABLE({Tvf(kind, "a")}))").Replace("{R}", $"(SELECT * FROM TABLE({Tvf(kind, "b")}))"),
        query.Replace("{L}", $"({DuckWindows(kind, "a")})").Replace("{R}", $"({DuckWindows(kind, "b")})"));

    private const string OnWindow = "L.window_start = R.window_start AND L.window_end = R.window_end";

    [Theory]
    [InlineData(1, 4096, 20261230)]
    [InlineData(2, 7, 20261231)]
    public async Task Window_joins_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture))) { RequireInsertOnly = true };
        run.AddTable("a", rows: 300, lateRows: false, sequence: true);
        run.AddTable("b", rows: 300, lateRows: false, sequence: true);
        await CheckCasesAsync(run);
    }

    /// <summary>Batch mode: the same joins over rows some of which a streaming job would drop as late; a batch job has no
    /// late rows (its one watermark, at end of input, fires every window), so DuckDB's answer over every row is expected.</summary>
    [Fact]
    public async Task Window_joins_in_batch_mode_join_every_row()
    {
        await using var run = new DifferentialRun(20261232, ("execution.runtime-mode", "batch"), ("parallelism.default", "2"),
            ("execution.batch.max-rows", "16")) { RequireInsertOnly = true };
        run.AddTable("a", rows: 300, lateRows: true, sequence: true);
        run.AddTable("b", rows: 300, lateRows: true, sequence: true);
        await CheckCasesAsync(run);
    }

    private static async Task CheckCasesAsync(DifferentialRun run)
    {
        foreach (var kind in new[] { "TUMBLE", "HOP", "CUMULATE" })
        {
            foreach (var join in new[] { "JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN" })
            {
                await run.CheckAsync(Windowed(kind,
                    "SELECT L.k AS lk, L.v AS lv, L.seq AS ls, R.k AS rk, R.s AS rs, R.seq AS rq, "
                    + "COALESCE(L.window_start, R.window_start) AS ws, COALESCE(L.window_end, R.window_end) AS we "
                    + $"FROM {{L}} L {join} {{R}} R ON L.k = R.k AND {OnWindow}"));
                // A residual condition: pairs failing it do not join (an outer row is padded when none passes).
                await run.CheckAsync(Windowed(kind,
                    "SELECT L.seq AS ls, R.seq AS rq, L.window_end AS lwe, R.window_start AS rws, L.v + R.v AS vv "
                    + $"FROM {{L}} L {join} {{R}} R ON L.k = R.k AND {OnWindow} AND L.v < R.v"));
            }
            // No key but the window: one subtask joins each whole window.
            await run.CheckAsync(Windowed(kind,
                $"SELECT L.seq AS ls, R.seq AS rq, L.window_start AS ws FROM {{L}} L JOIN {{R}} R ON {OnWindow} AND L.b = R.b"));
            await run.CheckAsync(Windowed(kind,
                $"SELECT L.seq AS ls, R.seq AS rq, R.window_end AS we FROM {{L}} L FULL JOIN {{R}} R ON {OnWindow} AND L.d > R.d"));
            // Semi and anti joins: correlated on both window columns.
            await run.CheckAsync(Windowed(kind,
                $"SELECT L.seq, L.k, L.window_start FROM {{L}} L WHERE EXISTS (SELECT * FROM {{R}} R WHERE L.k = R.k AND {OnWindow})"));
            await run.CheckAsync(Windowed(kind,
                $"SELECT L.seq, L.window_end FROM {{L}} L WHERE L.k IN (SELECT R.k FROM {{R}} R WHERE {OnWindow} AND R.v > L.v)"));
            await run.CheckAsync(Windowed(kind,
                $"SELECT L.seq, L.k, L.window_end FROM {{L}} L WHERE NOT EXISTS (SELECT * FROM {{R}} R WHERE L.k = R.k AND {OnWindow})"));
            await run.CheckAsync(Windowed(kind,
                $"SELECT L.seq, L.window_start FROM {{L}} L WHERE NOT EXISTS (SELECT * FROM {{R}} R WHERE L.s = R.s AND {OnWindow} AND R.v > L.v)"));
        }
        foreach (var kind in new[] { "TUMBLE", "HOP" })
        {
            // Two window aggregations joined on their windows, and a window aggregation over a window join's window_time.
            string Aggregated(string side) =>
                $"(SELECT window_start, window_end, k, COUNT(*) AS c, SUM(v) AS sv FROM {{{side}}} GROUP BY window_start, window_end, k)";
            await run.CheckAsync(Windowed(kind,
                $"SELECT L.k, L.c, R.sv, L.window_start, R.window_end FROM {Aggregated("L")} L LEFT JOIN {Aggregated("R")} R ON L.k = R.k AND {OnWindow}"));
        }
        foreach (var kind in new[] { "TUMBLE", "HOP" })
        {
            // A window aggregation grouped by the windows a window join carries (the preserved side's under a LEFT join),
            // and a window Top-N over a window join.
            await run.CheckAsync(Windowed(kind,
                "SELECT window_start, window_end, lk, COUNT(*) AS c, SUM(rv) AS total FROM ("
                + $"SELECT L.window_start, L.window_end, L.k AS lk, R.v AS rv FROM {{L}} L JOIN {{R}} R ON L.k = R.k AND {OnWindow}) "
                + "GROUP BY window_start, window_end, lk"));
            await run.CheckAsync(Windowed(kind,
                "SELECT window_start, window_end, COUNT(*) AS c, COUNT(rq) AS matched FROM ("
                + $"SELECT L.window_start, L.window_end, R.seq AS rq FROM {{L}} L LEFT JOIN {{R}} R ON L.k = R.k AND {OnWindow} AND L.v < R.v) "
                + "GROUP BY window_start, window_end"));
            await run.CheckAsync(Windowed(kind,
                "SELECT window_start, window_end, ls, rq, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY total DESC, ls, rq) AS rn FROM ("
                + $"SELECT R.window_start, R.window_end, L.seq AS ls, R.seq AS rq, L.v + R.v AS total FROM {{L}} L JOIN {{R}} R ON L.k = R.k AND {OnWindow})) "
                + "WHERE rn <= 2"));
        }
        await run.CheckAsync(new DualSql(
            "SELECT window_start, window_end, COUNT(*) AS pairs, SUM(lv) AS total FROM TABLE(TUMBLE(TABLE ("
            + $"SELECT L.v AS lv, L.window_time AS wt FROM (SELECT * FROM TABLE({Tvf("TUMBLE", "a")})) L JOIN (SELECT * FROM TABLE({Tvf("TUMBLE", "b")})) R "
            + $"ON L.k = R.k AND {OnWindow}), DESCRIPTOR(wt), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
            "SELECT make_timestamp(epoch_ms(wt) // 60000 * 60000 * 1000) AS window_start, make_timestamp((epoch_ms(wt) // 60000 * 60000 + 60000) * 1000) AS window_end, "
            + "COUNT(*) AS pairs, SUM(lv) AS total FROM ("
            + $"SELECT L.v AS lv, L.window_end - INTERVAL 1 MILLISECOND AS wt FROM ({DuckWindows("TUMBLE", "a")}) L JOIN ({DuckWindows("TUMBLE", "b")}) R "
            + $"ON L.k = R.k AND {OnWindow}) GROUP BY 1, 2"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }
}
