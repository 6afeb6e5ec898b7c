using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.BatchMode;

/// <summary>
/// <c>'execution.runtime-mode' = 'batch'</c>: aggregations emit final rows only. Every query's answer is read row by row,
/// must hold inserts only (no <c>-U/+U/-D</c>), and must equal DuckDB's answer over the same rows — random GROUP BY
/// queries (<see cref="AggregateGenerator"/>: DISTINCT and FILTER calls, HAVING, SELECT DISTINCT, GROUPING SETS, an
/// aggregation over an aggregation) and fixed ones: MIN/MAX/COUNT(DISTINCT), an empty global aggregation, window TVFs and
/// group windows over rows a streaming job would drop as late, and a window over a TIMESTAMP column with no watermark.
/// </summary>
public sealed class BatchModeDifferentialTests
{
    private static (string, string)[] Settings(int parallelism, int batchRows) =>
    [
        ("execution.runtime-mode", "batch"),
        ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
        ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)),
    ];

    [Theory]
    [InlineData(1, 4096, 20261210)]
    [InlineData(2, 7, 20261211)]
    public async Task Random_group_by_queries_give_final_rows_that_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300);
        var generator = new AggregateGenerator(run.Random);
        for (int i = 0; i < 60; i++) await run.CheckAsync(generator.Query());
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases >= 45, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
    }

    private static readonly DualSql[] Fixed =
    [
        // Aggregates that need their values kept (a streaming job retracts through them).
        DualSql.Same("SELECT k, MIN(v) AS mn, MAX(s) AS mx, COUNT(DISTINCT s) AS ds, SUM(DISTINCT v) AS sd FROM t GROUP BY k"),
        DualSql.Same("SELECT s, SUM(v) AS sv, COUNT(*) AS c FROM t GROUP BY s HAVING COUNT(*) > 2"),
        DualSql.Same("SELECT DISTINCT k, b FROM t"),
        DualSql.Same("SELECT k, s, COUNT(*) AS c, MAX(v) AS mx FROM t GROUP BY GROUPING SETS ((k), (s), ())"),
        DualSql.Same("SELECT c, COUNT(*) AS n FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) AS x GROUP BY c"),
        // A global aggregation over no rows answers one row, as batch SQL does (a streaming one emits nothing).
        DualSql.Same("SELECT COUNT(*) AS c, SUM(v) AS sv, MAX(s) AS mx FROM t WHERE s = 'no such value'"),
        DualSql.Same("SELECT COUNT(*) AS c, SUM(v) AS sv, MIN(d) AS mn FROM t"),
        // Windows see every row: a batch job has no late rows (the table's rows are out of order past its watermark delay).
        new("SELECT k, window_start, window_end, COUNT(*) AS c, SUM(v) AS sv FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end",
            "SELECT k, make_timestamp(epoch_ms(ts) // 10000 * 10000 * 1000) AS ws, make_timestamp((epoch_ms(ts) // 10000 * 10000 + 10000) * 1000) AS we, COUNT(*), SUM(v) FROM t GROUP BY k, ws, we"),
        new("SELECT s, TUMBLE_START(ts, INTERVAL '30' SECOND) AS ws, MAX(v) AS mx FROM t GROUP BY s, TUMBLE(ts, INTERVAL '30' SECOND)",
            "SELECT s, make_timestamp(epoch_ms(ts) // 30000 * 30000 * 1000) AS ws, MAX(v) FROM t GROUP BY s, ws"),
    ];

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Fixed_queries_give_final_rows_that_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261212, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: true);
        foreach (var query in Fixed) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Fixed.Length, run.NonEmptyCases);
    }

    /// <summary>In batch mode a window table function takes any TIMESTAMP column, with or without a watermark (Flink's rule:
    /// "In batch mode, the time attribute field of a window table-valued function must be an attribute of type TIMESTAMP
    /// or TIMESTAMP_LTZ").</summary>
    [Fact]
    public async Task A_window_over_a_timestamp_column_without_watermark_agrees_with_duckdb()
    {
        await using var run = new DifferentialRun(20261213, Settings(2, 7)) { RequireInsertOnly = true };
        var table = run.AddTable("t", rows: 300, lateRows: true);
        run.ExecuteEngine($"CREATE TABLE plain (k BIGINT, v INT, d DECIMAL(10, 2), s STRING, b BOOLEAN, ts TIMESTAMP(3)) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{table.CsvPath}', 'format' = 'csv', 'csv.null-literal' = '{RandomTable.NullLiteral}')");
        await run.CheckAsync(new DualSql(
            "SELECT window_start, window_end, COUNT(*) AS c, MIN(v) AS mn FROM TABLE(HOP(TABLE plain, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '20' SECOND)) GROUP BY window_start, window_end",
            "SELECT make_timestamp(ws * 1000), make_timestamp((ws + 20000) * 1000), COUNT(*), MIN(v) FROM "
            + "(SELECT *, epoch_ms(ts) // 10000 * 10000 - i * 10000 AS ws FROM t CROSS JOIN range(0, 2) r(i)) GROUP BY ws"));
        await run.CheckAsync(new DualSql(
            "SELECT k, TUMBLE_END(ts, INTERVAL '1' MINUTE) AS we, COUNT(*) AS c FROM plain GROUP BY k, TUMBLE(ts, INTERVAL '1' MINUTE)",
            "SELECT k, make_timestamp((epoch_ms(ts) // 60000 * 60000 + 60000) * 1000), COUNT(*) FROM t GROUP BY k, epoch_ms(ts) // 60000"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(2, run.NonEmptyCases);
    }
}
