using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// OVER ordered by a column that is not a time attribute (Flink 2.1): rows arrive in any order of the ORDER BY column, so
/// a row placed before others updates them; the changelog, materialized, must equal DuckDB's window functions over the same
/// rows. Ascending keys put NULLs first (Flink's default; DuckDB is told so). RANGE peers share one value (DuckDB agrees by
/// itself); ROWS ties follow arrival order (<c>seq</c> on the DuckDB side). Over a GROUP BY the OVER takes the updates
/// (RANGE only there: the order in which updated groups arrive is not the file's). Run at parallelism 1 with large batches
/// and at parallelism 2 with 7-row batches (many rounds of changes per partition and batch).
/// </summary>
public sealed class NonTimeOverAggregateDifferentialTests
{
    // Flink's AVG of an INT is an INT: the sum divided by the count, truncated.
    private const string DuckAvgV = "CASE WHEN COUNT(v) OVER w = 0 THEN NULL ELSE CAST(trunc(SUM(v) OVER w / COUNT(v) OVER w) AS BIGINT) END";

    private static DualSql Over(string columns, string calls, string engineWindow, string duckWindow, string? duckCalls = null, string from = "t") => new(
        $"SELECT {columns}, {calls} FROM {from} WINDOW w AS ({engineWindow})",
        $"SELECT {columns}, {duckCalls ?? calls} FROM {from} WINDOW w AS ({duckWindow})");

    [Theory]
    [InlineData(1, 4096, 20261206)]
    [InlineData(2, 7, 20261207)]
    public async Task Non_time_over_aggregates_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 300, lateRows: true, sequence: true);

        // ROWS: each row sees the rows ordered before it, ties in arrival order.
        await run.CheckAsync(Over("k, v, seq", "COUNT(*) OVER w, SUM(d) OVER w, MAX(s) OVER w, MIN(v) OVER w",
            "PARTITION BY k ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY v NULLS FIRST, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"));
        // RANGE (written, and the default frame): peers share a value.
        await run.CheckAsync(Over("k, v, seq", "COUNT(*) OVER w, SUM(v) OVER w, MIN(d) OVER w, AVG(v) OVER w",
            "PARTITION BY k ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY v NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            $"COUNT(*) OVER w, SUM(v) OVER w, MIN(d) OVER w, {DuckAvgV}"));
        await run.CheckAsync(Over("b, s, seq", "COUNT(*) OVER w, SUM(v) OVER w, MAX(d) OVER w",
            "PARTITION BY b ORDER BY s", "PARTITION BY b ORDER BY s NULLS FIRST"));
        // One global partition, ordered by a DECIMAL.
        await run.CheckAsync(Over("seq", "COUNT(v) OVER w, MAX(v) OVER w", "ORDER BY d", "ORDER BY d NULLS FIRST"));
        // Window functions: ROW_NUMBER counts ROWS (ties in arrival order), RANK and DENSE_RANK give peers one rank.
        await run.CheckAsync(new DualSql(
            "SELECT k, seq, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn FROM t",
            "SELECT k, seq, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v NULLS FIRST, seq) AS rn FROM t"));
        await run.CheckAsync(Over("k, seq", "RANK() OVER w, DENSE_RANK() OVER w, COUNT(*) OVER w",
            "PARTITION BY k ORDER BY v", "PARTITION BY k ORDER BY v NULLS FIRST"));
        await run.CheckAsync(Over("k, seq", "LAG(s) OVER w, LAG(v, 2, -1) OVER w, FIRST_VALUE(d) OVER w",
            "PARTITION BY k ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY v NULLS FIRST, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "LAG(s) OVER w, LAG(v, 2, -1) OVER w, FIRST_VALUE(d IGNORE NULLS) OVER w"));
        // DISTINCT, LISTAGG (rows folded in key then arrival order), variances, BOOL_OR.
        await run.CheckAsync(Over("k, seq", "COUNT(DISTINCT s) OVER w, SUM(DISTINCT v) OVER w, LISTAGG(s) OVER w, BOOL_OR(b) OVER w",
            "PARTITION BY k ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY v NULLS FIRST, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "COUNT(DISTINCT s) OVER w, SUM(DISTINCT v) OVER w, STRING_AGG(s, ',' ORDER BY v NULLS FIRST, seq) OVER w, BOOL_OR(b) OVER w"));
        // Over an updating input (a GROUP BY): its -U rows take the old group rows out, its +U rows put the new ones in.
        await run.CheckAsync(Over("k, sv", "SUM(sv) OVER w, COUNT(*) OVER w", "ORDER BY sv", "ORDER BY sv NULLS FIRST",
            from: "(SELECT k, SUM(v) AS sv FROM t GROUP BY k)"));
        await run.CheckAsync(Over("b, k, c", "SUM(c) OVER w, MAX(k) OVER w", "PARTITION BY b ORDER BY k", "PARTITION BY b ORDER BY k NULLS FIRST",
            from: "(SELECT b, k, COUNT(*) AS c FROM t GROUP BY b, k)"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }
}
