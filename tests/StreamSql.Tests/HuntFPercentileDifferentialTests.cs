using StreamSql.Tests.Differential;

namespace StreamSql.Tests;

/// <summary>
/// PERCENTILE (Flink 2.0's PercentileAggFunction, continuous: linear interpolation at position p * (n - 1)) against
/// DuckDB's <c>quantile_cont</c>, which interpolates the same way, over random rows with NULLs and duplicates: grouped,
/// over an updating input (the inner sums change, so values are retracted), with FILTER, and in tumbling windows, at
/// parallelism 2 (two-phase merging of the lists). A DECIMAL is read as DOUBLE, as Flink does (DuckDB would keep the DECIMAL).
/// </summary>
public sealed class HuntFPercentileDifferentialTests
{
    [Fact]
    public async Task Percentile_agrees_with_duckdbs_quantile_cont()
    {
        await using var run = new DifferentialRun(20261205, ("parallelism.default", "2"));
        run.AddTable("t", rows: 400, lateRows: false);
        foreach (var p in new[] { "0.0", "0.25", "0.5", "0.9", "1.0" })
            await run.CheckAsync(new DualSql($"SELECT k, PERCENTILE(v, {p}) AS q FROM t GROUP BY k", $"SELECT k, quantile_cont(v, {p}) AS q FROM t GROUP BY k"));
        await run.CheckAsync(new DualSql("SELECT s, PERCENTILE(d, 0.3) AS q, COUNT(*) AS c FROM t GROUP BY s", "SELECT s, quantile_cont(CAST(d AS DOUBLE), 0.3) AS q, COUNT(*) AS c FROM t GROUP BY s"));
        await run.CheckAsync(new DualSql("SELECT k, PERCENTILE(v, 0.75) FILTER (WHERE b) AS q FROM t GROUP BY k",
            "SELECT k, quantile_cont(v, 0.75) FILTER (WHERE b) AS q FROM t GROUP BY k"));
        await run.CheckAsync(new DualSql(
            "SELECT s, PERCENTILE(total, 0.5) AS q FROM (SELECT s, k, SUM(v) AS total FROM t GROUP BY s, k) GROUP BY s",
            "SELECT s, quantile_cont(total, 0.5) AS q FROM (SELECT s, k, SUM(v) AS total FROM t GROUP BY s, k) GROUP BY s"));
        await run.CheckAsync(new DualSql(
            "SELECT window_start, PERCENTILE(v, 0.6) AS q FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
            "SELECT time_bucket(INTERVAL '1 minute', ts) AS window_start, quantile_cont(v, 0.6) AS q FROM t WHERE ts IS NOT NULL GROUP BY 1"));
        Assert.True(run.Mismatches == 0, run.Report());
    }
}
