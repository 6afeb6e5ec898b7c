using StreamSql.Execution.Batches;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Streaming ORDER BY ... LIMIT (a global Top-N) and LIMIT without ORDER BY against DuckDB over the same rows. Rows of
/// equal order keep their arrival order (Flink's append-only Top-N), so DuckDB breaks ties by the row's position in the
/// file (<c>seq</c>); a LIMIT without ORDER BY takes the first rows to arrive, which at parallelism 1 over one file are the
/// first rows of the file. Flink's default null order (first ascending, last descending) is spelled out for DuckDB.
/// </summary>
public sealed class SortLimitDifferentialTests
{
    [Theory]
    [InlineData(1, 4096, 20261204)]
    [InlineData(2, 7, 20261205)]
    public async Task Sort_limit_agrees_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400, sequence: true);
        await run.CheckAsync(new("SELECT k, v, seq FROM t ORDER BY v DESC LIMIT 5", "SELECT k, v, seq FROM t ORDER BY v DESC NULLS LAST, seq LIMIT 5"));
        await run.CheckAsync(new("SELECT k, v, seq FROM t ORDER BY v LIMIT 7", "SELECT k, v, seq FROM t ORDER BY v NULLS FIRST, seq LIMIT 7"));
        await run.CheckAsync(new("SELECT s, d, seq FROM t ORDER BY s DESC NULLS FIRST, d LIMIT 4 OFFSET 3",
            "SELECT s, d, seq FROM t ORDER BY s DESC NULLS FIRST, d NULLS FIRST, seq LIMIT 4 OFFSET 3"));
        await run.CheckAsync(new("SELECT k AS key, v, seq FROM t WHERE v > 0 ORDER BY 1, 2 DESC FETCH FIRST 6 ROWS ONLY",
            "SELECT k AS key, v, seq FROM t WHERE v > 0 ORDER BY 1 NULLS FIRST, 2 DESC NULLS LAST, seq LIMIT 6"));
        await run.CheckAsync(new("SELECT k, v, seq FROM t ORDER BY seq DESC LIMIT 1", "SELECT k, v, seq FROM t ORDER BY seq DESC LIMIT 1"));
        // Over an updating input (a GROUP BY result): the retract strategy.
        await run.CheckAsync(new("SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) ORDER BY c DESC, k LIMIT 4",
            "SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) ORDER BY c DESC, k NULLS FIRST LIMIT 4"));
        // ORDER BY ... OFFSET with a fetch past the input: every row past the offset (without a fetch Flink refuses the job).
        await run.CheckAsync(new("SELECT k, v, seq FROM t ORDER BY v DESC OFFSET 390 ROWS FETCH NEXT 100000 ROWS ONLY",
            "SELECT k, v, seq FROM t ORDER BY v DESC NULLS LAST, seq OFFSET 390"));
        await run.CheckAsync(new("SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) ORDER BY c DESC, k LIMIT 100000 OFFSET 5",
            "SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) ORDER BY c DESC, k NULLS FIRST OFFSET 5"));
        // ORDER BY what the select list leaves out: a column, an expression, an aggregate.
        await run.CheckAsync(new("SELECT k, seq FROM t ORDER BY v DESC LIMIT 5", "SELECT k, seq FROM t ORDER BY v DESC NULLS LAST, seq LIMIT 5"));
        await run.CheckAsync(new("SELECT k, v, seq FROM t ORDER BY v * -1 + k LIMIT 5", "SELECT k, v, seq FROM t ORDER BY v * -1 + k NULLS FIRST, seq LIMIT 5"));
        await run.CheckAsync(new("SELECT k FROM t GROUP BY k ORDER BY COUNT(*) DESC, k LIMIT 3", "SELECT k FROM t GROUP BY k ORDER BY COUNT(*) DESC, k NULLS FIRST LIMIT 3"));
        // A limit larger than the input keeps every row.
        await run.CheckAsync(new("SELECT k, seq FROM t ORDER BY k LIMIT 1000", "SELECT k, seq FROM t"));
        // LIMIT without ORDER BY: how many rows pass, whatever the parallelism.
        await run.CheckAsync(new("SELECT COUNT(*) FROM (SELECT * FROM t LIMIT 17 OFFSET 5)", "SELECT COUNT(*) FROM (SELECT * FROM t LIMIT 17 OFFSET 5)"));
        await run.CheckAsync(new("SELECT COUNT(*) FROM (SELECT * FROM t LIMIT 100000 OFFSET 390)", "SELECT COUNT(*) FROM (SELECT * FROM t OFFSET 390)"));
        // LIMIT over an updating input (Flink's rank-based limit): every updated row replaces its old one, so a limit past
        // the number of groups ends with each group's final row, and an offset skips as many of them whatever their order.
        await run.CheckAsync(new("SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) LIMIT 1000", "SELECT k, COUNT(*) AS c FROM t GROUP BY k"));
        await run.CheckAsync(new("SELECT k, c, total FROM (SELECT k, COUNT(*) AS c, SUM(v) AS total FROM t GROUP BY k) OFFSET 0 ROWS",
            "SELECT k, COUNT(*) AS c, SUM(v) AS total FROM t GROUP BY k"));
        await run.CheckAsync(new("SELECT COUNT(*), COUNT(DISTINCT k) FROM (SELECT k FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) LIMIT 10 OFFSET 45)",
            "SELECT COUNT(*), COUNT(DISTINCT k) FROM (SELECT k FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) LIMIT 10 OFFSET 45)"));
        if (parallelism == 1)
        {
            // Which rows: the first to arrive, in file order.
            await run.CheckAsync(new("SELECT k, v, seq FROM t LIMIT 9", "SELECT k, v, seq FROM t ORDER BY seq LIMIT 9"));
            await run.CheckAsync(new("SELECT k, v, seq FROM t LIMIT 10 OFFSET 395", "SELECT k, v, seq FROM t ORDER BY seq LIMIT 10 OFFSET 395"));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }

    /// <summary>
    /// Which rows a LIMIT over an updating input keeps: Flink's retract strategy without an order holds the rows in arrival
    /// order, an update's new row arriving last (its old one removed), so with one row per batch (each update reaching the
    /// limit on its own) the limit ends with the groups whose last row came first, each with its final count.
    /// </summary>
    [Fact]
    public async Task Limit_over_an_updating_input_keeps_the_rows_updated_first()
    {
        await using var run = new DifferentialRun(20261209, ("parallelism.default", "1"), ("execution.batch.max-rows", "1"));
        run.AddTable("t", rows: 300, sequence: true);
        await run.CheckAsync(new("SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) LIMIT 5",
            "SELECT k, c FROM (SELECT k, COUNT(*) AS c, MAX(seq) AS last FROM t GROUP BY k ORDER BY last LIMIT 5)"));
        await run.CheckAsync(new("SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) LIMIT 4 OFFSET 3",
            "SELECT k, c FROM (SELECT k, COUNT(*) AS c, MAX(seq) AS last FROM t GROUP BY k ORDER BY last LIMIT 4 OFFSET 3)"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);

        // The changelog: updates and deletes (a group pushed out of the range when an update moves another group past it).
        var rows = await run.EngineChangelogAsync("SELECT k, c FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) LIMIT 5");
        Assert.Contains(rows, r => r.Kind == RowKind.Delete);
        Assert.Contains(rows, r => r.Kind == RowKind.Insert);
    }

    /// <summary>
    /// ORDER BY the rowtime (then another column) without LIMIT: Flink's TemporalSort. Every row comes (no late rows in this
    /// table), as DuckDB has them, and in order: by rowtime, then the other key (DESC, NULLs last), ties in arrival order.
    /// </summary>
    [Theory]
    [InlineData(1, 4096, 20261206)]
    [InlineData(2, 7, 20261207)]
    public async Task Temporal_sort_emits_every_row_in_rowtime_order(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400, lateRows: false, sequence: true);
        const string sql = "SELECT ts, v, seq FROM t ORDER BY ts, v DESC";
        await run.CheckAsync(new(sql, "SELECT ts, v, seq FROM t"));
        Assert.True(run.Mismatches == 0, run.Report());

        var rows = await run.EngineChangelogAsync(sql);
        Assert.Equal(400, rows.Count);
        Assert.All(rows, r => Assert.Equal(RowKind.Insert, r.Kind));
        for (int i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            int byTime = Comparer<object>.Default.Compare(a[0]!, b[0]!);
            Assert.True(byTime <= 0, $"row {i}: {a} before {b}");
            if (byTime < 0) continue;
            // v DESC, NULLs last.
            int byValue = a[1] is null ? (b[1] is null ? 0 : 1) : b[1] is null ? -1 : -Comparer<object>.Default.Compare(a[1]!, b[1]!);
            Assert.True(byValue <= 0, $"row {i}: {a} before {b}");
            if (byValue == 0 && parallelism == 1) Assert.True((long)a[2]! < (long)b[2]!, $"row {i}: ties keep arrival order: {a} before {b}");
        }
    }

    /// <summary>
    /// ORDER BY a processing-time attribute then another column (Flink's ProcTimeSortOperator): every row comes, insert-only,
    /// the rows still held when the input ends too. At parallelism 1 they come in processing-time order and, within one
    /// millisecond, by the other key (DESC, NULLs last); at parallelism 2 a row may reach the sort after its millisecond
    /// was emitted (its time was taken upstream) and then comes with the next emission, so only completeness is checked.
    /// </summary>
    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Processing_time_sort_orders_the_rows_of_a_millisecond_by_the_other_keys(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261210,
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var table = run.AddTable("t", rows: 400, sequence: true);
        run.ExecuteEngine("CREATE TABLE tp (k BIGINT, v INT, d DECIMAL(10, 2), s STRING, b BOOLEAN, ts TIMESTAMP(3), seq BIGINT, pt AS PROCTIME()) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{table.CsvPath}', 'format' = 'csv', 'csv.null-literal' = '{RandomTable.NullLiteral}')");
        var rows = await run.EngineChangelogAsync("SELECT pt, v, seq FROM tp ORDER BY pt, v DESC");
        Assert.Equal(400, rows.Count);
        Assert.All(rows, r => Assert.Equal(RowKind.Insert, r.Kind));
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), rows.Select(r => (long)r[2]!).Order());
        if (parallelism > 1) return;
        int ties = 0;
        for (int i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            int byTime = Comparer<object>.Default.Compare(a[0]!, b[0]!);
            Assert.True(byTime <= 0, $"row {i}: {a} before {b}");
            if (byTime < 0) continue;
            ties++;
            int byValue = a[1] is null ? (b[1] is null ? 0 : 1) : b[1] is null ? -1 : -Comparer<object>.Default.Compare(a[1]!, b[1]!);
            Assert.True(byValue <= 0, $"row {i}: {a} before {b}");
        }
        Assert.True(ties > 0, "some rows share a millisecond");
    }

    /// <summary>Batch mode sorts the final rows: the rows DuckDB's ORDER BY ... LIMIT picks (ties by arrival), insert-only,
    /// in order.</summary>
    [Fact]
    public async Task Batch_mode_sorts_the_final_rows()
    {
        await using var run = new DifferentialRun(20261208, ("execution.runtime-mode", "batch"), ("parallelism.default", "2"),
            ("execution.batch.max-rows", "13")) { RequireInsertOnly = true };
        run.AddTable("t", rows: 500, sequence: true);
        await run.CheckAsync(new("SELECT v, seq FROM t ORDER BY v DESC LIMIT 20 OFFSET 5", "SELECT v, seq FROM t ORDER BY v DESC NULLS LAST, seq LIMIT 20 OFFSET 5"));
        await run.CheckAsync(new("SELECT s, v, seq FROM t WHERE v > 100 ORDER BY s NULLS LAST, v", "SELECT s, v, seq FROM t WHERE v > 100"));
        Assert.True(run.Mismatches == 0, run.Report());

        var rows = await run.EngineChangelogAsync("SELECT v, seq FROM t ORDER BY v DESC");
        Assert.Equal(500, rows.Count);
        for (int i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            // v DESC, NULLs last.
            int byValue = a[0] is null ? (b[0] is null ? 0 : 1) : b[0] is null ? -1 : -Comparer<object>.Default.Compare(a[0]!, b[0]!);
            Assert.True(byValue <= 0, $"row {i}: {a} before {b}");
        }
    }
}
