namespace StreamSql.Tests.Differential;

/// <summary>
/// Top-N and deduplication (<c>ROW_NUMBER() OVER (...)</c> under a filter on its number) against DuckDB's window
/// functions over the same rows: the engine's changelog, applied, must be DuckDB's answer. Rows of equal order rank by
/// arrival (Flink's append-only Top-N puts a later row after the earlier ones; keeping the last row on equal rowtime takes
/// the later one), so the DuckDB side orders ties by the row's position in the file (<c>seq</c>). Flink's default null
/// order (NULLs first ascending, last descending) is spelled out for DuckDB. Run at parallelism 1 with large batches and at
/// parallelism 2 with 7-row batches, so a partition's buffer changes across many batches.
/// </summary>
public sealed class RankDifferentialTests
{
    private static DualSql TopN(string partition, string engineOrder, string duckOrder, string filter, string columns) => new(
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER ({partition} ORDER BY {engineOrder}) AS rn FROM t) WHERE {filter}",
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER ({partition} ORDER BY {duckOrder}) AS rn FROM t) WHERE {filter}");

    [Theory]
    [InlineData(1, 4096, 20261210)]
    [InlineData(2, 7, 20261211)]
    public async Task Top_n_and_deduplication_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400, sequence: true);
        const string byK = "PARTITION BY k";
        // Descending and ascending, the rank number kept or not, N = 1 and N > 1.
        await run.CheckAsync(TopN(byK, "v DESC", "v DESC NULLS LAST, seq", "rn <= 3", "k, v, s, seq, rn"));
        await run.CheckAsync(TopN(byK, "v DESC", "v DESC NULLS LAST, seq", "rn <= 3", "k, v, s, seq"));
        await run.CheckAsync(TopN(byK, "v", "v NULLS FIRST, seq", "rn = 1", "k, v, seq, rn"));
        await run.CheckAsync(TopN(byK, "v ASC NULLS LAST", "v NULLS LAST, seq", "rn < 2", "k, v, seq"));
        // Many ties: a string of a small alphabet, then a second order column.
        await run.CheckAsync(TopN(byK, "s DESC", "s DESC NULLS LAST, seq", "rn <= 4", "k, s, seq, rn"));
        await run.CheckAsync(TopN(byK, "s, d DESC", "s NULLS FIRST, d DESC NULLS LAST, seq", "rn <= 2", "k, s, d, seq"));
        // A range that starts past 1, with and without its number; a partition of two columns; no partition at all.
        await run.CheckAsync(TopN(byK, "v DESC", "v DESC NULLS LAST, seq", "rn BETWEEN 2 AND 4", "k, v, seq, rn"));
        await run.CheckAsync(TopN(byK, "v DESC", "v DESC NULLS LAST, seq", "rn >= 3 AND rn <= 5", "k, v, seq"));
        await run.CheckAsync(TopN("PARTITION BY k, b", "d", "d NULLS FIRST, seq", "rn <= 2", "k, b, d, seq, rn"));
        await run.CheckAsync(TopN("", "v DESC", "v DESC NULLS LAST, seq", "rn <= 5", "k, v, seq, rn"));
        // A residual condition on other columns stays a filter above the rank.
        await run.CheckAsync(TopN(byK, "v DESC", "v DESC NULLS LAST, seq", "rn <= 3 AND seq % 2 = 0", "k, v, seq, rn"));
        // Deduplication on the rowtime: keep the last row (ties to the later one), keep the first (ties to the earlier).
        await run.CheckAsync(TopN(byK, "ts DESC", "ts DESC, seq DESC", "rn = 1", "k, v, ts, seq"));
        await run.CheckAsync(TopN("PARTITION BY k, s", "ts", "ts, seq", "rn <= 1", "k, s, ts, seq"));
        // On processing time a key's rows arrive in file order (one reader, order kept per key by the exchange): keep
        // first is the earliest row, keep last the latest.
        foreach (var (order, duckOrder) in new[] { ("pt", "seq"), ("pt DESC", "seq DESC") })
            await run.CheckAsync(new DualSql(
                $"SELECT k, v, seq FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY {order}) AS rn FROM (SELECT *, PROCTIME() AS pt FROM t)) WHERE rn = 1",
                $"SELECT k, v, seq FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY {duckOrder}) AS rn FROM t) WHERE rn = 1"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }

    /// <summary>
    /// Flink's VariableRankRange (<c>WHERE rn &lt;= n</c>, <c>n</c> a column of the ranked input): a partition keeps as many
    /// rows as <c>n</c> says in its first row (later rows' <c>n</c> do not change it, as Flink's AbstractTopNFunction keeps
    /// the first in state). DuckDB's side bounds the rank by FIRST_VALUE(n) in arrival order (<c>seq</c>). One bound constant
    /// per partition, one that varies from row to row (so only the first row's counts), a NULL or 0 bound (no row), with and
    /// without the rank number, the bound on either side of the comparison and as <c>=</c> (Flink reads all as "up to n").
    /// </summary>
    [Theory]
    [InlineData(1, 4096, 20261220)]
    [InlineData(2, 7, 20261221)]
    public async Task Top_n_bounded_by_a_column_agrees_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400, sequence: true);
        foreach (var (bound, filter, columns) in new[]
        {
            ("CAST(MOD(ABS(k), 4) AS INT)", "rn <= n", "k, v, seq, rn"),
            ("CAST(MOD(seq, 5) AS BIGINT)", "rn <= n", "k, v, seq, rn"),
            ("CAST(MOD(seq, 5) AS BIGINT)", "n >= rn", "k, v, seq"),
            ("CAST(MOD(seq, 3) + 1 AS SMALLINT)", "rn = n", "k, v, seq, rn"),
            ("CAST(MOD(seq, 3) + 1 AS SMALLINT)", "rn < n AND v > 0", "k, v, seq"),
        })
        {
            // Every bounding term means "up to the first row's n"; the rest of the filter stays.
            string duckFilter = "rn <= n0" + filter[filter.Split(" AND ")[0].Length..];
            await run.CheckAsync(new DualSql(
                $"SELECT {columns} FROM (SELECT k, v, seq, n, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM (SELECT *, {bound} AS n FROM t)) WHERE {filter}",
                $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST, seq) AS rn, "
                + $"FIRST_VALUE(n) OVER (PARTITION BY k ORDER BY seq) AS n0 FROM (SELECT *, {bound} AS n FROM t)) WHERE {duckFilter}"));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }

    /// <summary>A variable rank end over an updating input (the retract strategy): the GROUP BY's rows ranked per
    /// partition, each partition keeping as many as its first row's bound, a constant of the partition here (which of its
    /// rows comes first depends on the order updates arrive in).</summary>
    [Theory]
    [InlineData(1, 4096, 20261222)]
    [InlineData(2, 7, 20261223)]
    public async Task Top_n_bounded_by_a_column_over_an_updating_input_agrees_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400);
        const string counts = "SELECT b, k, COUNT(*) AS c, CASE WHEN b THEN 2 ELSE 3 END AS n FROM t GROUP BY b, k";
        await run.CheckAsync(TopNOver(counts, "PARTITION BY b", "c DESC, k", "c DESC, k NULLS FIRST", "rn <= n", "b, k, c, rn"));
        await run.CheckAsync(TopNOver(counts, "PARTITION BY b", "c DESC, k", "c DESC, k NULLS FIRST", "rn <= n", "b, k, c"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }

    private static DualSql TopNOver(string input, string partition, string engineOrder, string duckOrder, string filter, string columns) => new(
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER ({partition} ORDER BY {engineOrder}) AS rn FROM ({input})) WHERE {filter}",
        $"SELECT {columns} FROM (SELECT *, ROW_NUMBER() OVER ({partition} ORDER BY {duckOrder}) AS rn FROM ({input})) WHERE {filter}");

    /// <summary>The retract strategy: Top-N over GROUP BY results (updates, and deletes where a HAVING drops a group), the
    /// order made unique by the group key so that no tie depends on the order updates arrive in.</summary>
    [Theory]
    [InlineData(1, 4096, 20261212)]
    [InlineData(2, 7, 20261213)]
    public async Task Top_n_over_updating_inputs_agrees_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400);
        const string counts = "SELECT b, k, COUNT(*) AS c FROM t GROUP BY b, k";
        const string sums = "SELECT k, SUM(v) AS sv FROM t GROUP BY k";
        const string shrinking = "SELECT k, COUNT(*) AS c FROM t GROUP BY k HAVING COUNT(*) < 6";
        await run.CheckAsync(TopNOver(counts, "PARTITION BY b", "c DESC, k", "c DESC, k NULLS FIRST", "rn <= 3", "b, k, c, rn"));
        await run.CheckAsync(TopNOver(counts, "PARTITION BY b", "c DESC, k", "c DESC, k NULLS FIRST", "rn <= 3", "b, k, c"));
        await run.CheckAsync(TopNOver(sums, "", "sv DESC, k", "sv DESC NULLS LAST, k NULLS FIRST", "rn <= 5", "k, sv, rn"));
        await run.CheckAsync(TopNOver(sums, "", "sv, k DESC", "sv NULLS FIRST, k DESC NULLS LAST", "rn BETWEEN 2 AND 4", "k, sv, rn"));
        await run.CheckAsync(TopNOver(sums, "", "sv, k DESC", "sv NULLS FIRST, k DESC NULLS LAST", "rn BETWEEN 2 AND 4", "k, sv"));
        await run.CheckAsync(TopNOver(shrinking, "", "c DESC, k", "c DESC, k NULLS FIRST", "rn <= 4", "k, c, rn"));
        await run.CheckAsync(TopNOver(shrinking, "", "c DESC, k", "c DESC, k NULLS FIRST", "rn <= 4", "k, c"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }
}
