using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Streaming: OVER calls in an aggregate SELECT where Flink runs them — over a window aggregation ordered by its rowtime
/// (<c>window_time</c>, or <c>TUMBLE_ROWTIME</c> of a group window), whose insert-only rows the OVER aggregate folds as
/// the watermark passes them — and the Top-N pattern over a GROUP BY (an updating rank, its changelog materialized),
/// against DuckDB over the same rows (windows computed from epoch milliseconds). Rows are in order (no late rows), times
/// on whole seconds; run at parallelism 1 with large batches and at parallelism 2 with 7-row batches.
/// </summary>
public sealed class OverAfterGroupByDifferentialTests
{
    private const string Tumble = "FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND))";
    private const string DuckWindows = "FROM (SELECT *, epoch_ms(ts) // 10000 * 10000 AS ws FROM t)";

    private static readonly DualSql[] Queries =
    [
        new($"SELECT k, window_start, SUM(v) AS sv, SUM(SUM(v)) OVER w AS running, COUNT(*) OVER w AS n, LAG(SUM(v)) OVER w AS prev {Tumble} "
            + "GROUP BY k, window_start, window_end, window_time WINDOW w AS (PARTITION BY k ORDER BY window_time)",
            $"SELECT k, make_timestamp(ws * 1000) AS window_start, SUM(v) AS sv, SUM(SUM(v)) OVER w AS running, COUNT(*) OVER w AS n, LAG(SUM(v)) OVER w AS prev {DuckWindows} "
            + "GROUP BY k, ws WINDOW w AS (PARTITION BY k ORDER BY ws)"),
        new($"SELECT k, window_end, MAX(MAX(v)) OVER (PARTITION BY k ORDER BY window_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS top3 {Tumble} "
            + "GROUP BY k, window_start, window_end, window_time",
            $"SELECT k, make_timestamp((ws + 10000) * 1000) AS window_end, MAX(MAX(v)) OVER (PARTITION BY k ORDER BY ws ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS top3 {DuckWindows} "
            + "GROUP BY k, ws"),
        new($"SELECT b, window_start, COUNT(*) AS c, SUM(COUNT(*)) OVER (PARTITION BY b ORDER BY window_time RANGE BETWEEN INTERVAL '30' SECOND PRECEDING AND CURRENT ROW) AS last40s {Tumble} "
            + "GROUP BY b, window_start, window_end, window_time",
            $"SELECT b, make_timestamp(ws * 1000) AS window_start, COUNT(*) AS c, SUM(COUNT(*)) OVER (PARTITION BY b ORDER BY ws RANGE BETWEEN 30000 PRECEDING AND CURRENT ROW) AS last40s {DuckWindows} "
            + "GROUP BY b, ws"),
        // No partition: every key's row of a window shares its window_time, so they are peers of the RANGE frame.
        new($"SELECT s, window_start, SUM(COUNT(*)) OVER (ORDER BY window_time) AS so_far {Tumble} GROUP BY s, window_start, window_end, window_time",
            $"SELECT s, make_timestamp(ws * 1000) AS window_start, SUM(COUNT(*)) OVER (ORDER BY ws) AS so_far {DuckWindows} GROUP BY s, ws"),
        // A group window: TUMBLE_ROWTIME is its time attribute.
        new("SELECT k, TUMBLE_START(ts, INTERVAL '10' SECOND) AS ws, COUNT(*) AS c, "
            + "SUM(COUNT(*)) OVER (PARTITION BY k ORDER BY TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND)) AS total FROM t GROUP BY TUMBLE(ts, INTERVAL '10' SECOND), k",
            $"SELECT k, make_timestamp(ws * 1000) AS ws, COUNT(*) AS c, SUM(COUNT(*)) OVER (PARTITION BY k ORDER BY ws) AS total {DuckWindows} GROUP BY k, ws"),
        // The Top-N over a GROUP BY: an updating rank of the aggregated rows.
        new("SELECT k, sv, rn FROM (SELECT k, SUM(v) AS sv, ROW_NUMBER() OVER (PARTITION BY MOD(k, 3) ORDER BY SUM(v) DESC, k) AS rn FROM t GROUP BY k) WHERE rn <= 2",
            "SELECT k, sv, rn FROM (SELECT k, SUM(v) AS sv, ROW_NUMBER() OVER (PARTITION BY MOD(k, 3) ORDER BY SUM(v) DESC NULLS LAST, k NULLS FIRST) AS rn FROM t GROUP BY k) WHERE rn <= 2"),
        new("SELECT s, b, c FROM (SELECT s, b, COUNT(*) AS c, ROW_NUMBER() OVER (PARTITION BY b ORDER BY COUNT(*) DESC, s) AS rn FROM t WHERE v > 0 GROUP BY s, b) WHERE rn = 1",
            "SELECT s, b, c FROM (SELECT s, b, COUNT(*) AS c, ROW_NUMBER() OVER (PARTITION BY b ORDER BY COUNT(*) DESC, s NULLS FIRST) AS rn FROM t WHERE v > 0 GROUP BY s, b) WHERE rn = 1"),
    ];

    [Theory]
    [InlineData(1, 4096, 20261208)]
    [InlineData(2, 7, 20261209)]
    public async Task Over_calls_over_window_aggregations_and_top_n_over_aggregates_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400, lateRows: false, sequence: true, timeStepMillis: 1000);
        foreach (var query in Queries) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Queries.Length, run.NonEmptyCases);
    }
}
