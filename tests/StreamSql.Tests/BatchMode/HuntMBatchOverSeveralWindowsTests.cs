using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.BatchMode;

/// <summary>
/// A batch SELECT whose OVER calls use different windows (Flink's batch planner runs one over aggregation per window, as
/// TPC-DS's q47 averages over one window and ranks over another; streaming refuses it). Answers must equal DuckDB's.
/// </summary>
public sealed class HuntMBatchOverSeveralWindowsTests
{
    private static (string, string)[] Settings(int parallelism, int batchRows) =>
    [
        ("execution.runtime-mode", "batch"),
        ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
        ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)),
    ];

    private static readonly DualSql[] Queries =
    [
        // Other partitions and orders: a whole-table NTILE, per-k distribution functions, per-b running sums.
        new("SELECT k, v, seq, NTILE(4) OVER (ORDER BY seq) AS nt, CUME_DIST() OVER (PARTITION BY k ORDER BY v, seq) AS cd, "
            + "SUM(v) OVER (PARTITION BY b ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM t",
            "SELECT k, v, seq, NTILE(4) OVER (ORDER BY seq) AS nt, CUME_DIST() OVER (PARTITION BY k ORDER BY v NULLS FIRST, seq) AS cd, "
            + "SUM(v) OVER (PARTITION BY b ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM t"),
        // q47's shape: the partition's total beside a rank by another order, and one window's two frames.
        new("SELECT k, seq, SUM(v) OVER (PARTITION BY k) AS total, RANK() OVER (PARTITION BY k ORDER BY seq DESC) AS r, "
            + "COUNT(*) OVER (PARTITION BY k ORDER BY seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last3, "
            + "COUNT(*) OVER (PARTITION BY k ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS so_far FROM t",
            "SELECT k, seq, SUM(v) OVER (PARTITION BY k) AS total, RANK() OVER (PARTITION BY k ORDER BY seq DESC) AS r, "
            + "COUNT(*) OVER (PARTITION BY k ORDER BY seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last3, "
            + "COUNT(*) OVER (PARTITION BY k ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS so_far FROM t"),
        // The windows' results in an expression together.
        new("SELECT seq, v - AVG(v) OVER (PARTITION BY k) AS spread, LAG(v) OVER (PARTITION BY b ORDER BY seq) AS before_v FROM t",
            "SELECT seq, v - CASE WHEN COUNT(v) OVER (PARTITION BY k) = 0 THEN NULL ELSE CAST(trunc(SUM(v) OVER (PARTITION BY k) / COUNT(v) OVER (PARTITION BY k)) AS BIGINT) END AS spread, "
            + "LAG(v) OVER (PARTITION BY b ORDER BY seq) AS before_v FROM t"),
    ];

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Over_calls_on_different_windows_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261205, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: true, sequence: true);
        foreach (var query in Queries) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Queries.Length, run.NonEmptyCases);
    }
}
