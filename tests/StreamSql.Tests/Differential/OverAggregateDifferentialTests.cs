using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// OVER aggregation on event time against DuckDB's window functions over the same rows: the engine emits every row once,
/// when the watermark passes it, with the aggregates of its frame. Rows of equal time are peers of a RANGE frame (DuckDB
/// agrees by itself) and follow arrival order in a ROWS frame (the DuckDB side orders ties by <c>seq</c>, the row's place
/// in the file). Times fall on whole seconds so that ties are common, and stay within the watermark's delay (no late rows).
/// Run at parallelism 1 with large batches and at parallelism 2 with 7-row batches.
/// </summary>
public sealed class OverAggregateDifferentialTests
{
    // Flink's AVG of an INT is an INT: the sum divided by the count, truncated.
    private const string DuckAvgV = "CASE WHEN COUNT(v) OVER w = 0 THEN NULL ELSE CAST(trunc(SUM(v) OVER w / COUNT(v) OVER w) AS BIGINT) END";

    private static DualSql Over(string columns, string engineCalls, string duckCalls, string engineWindow, string duckWindow) => new(
        $"SELECT {columns}, {engineCalls} FROM t WINDOW w AS ({engineWindow})",
        $"SELECT {columns}, {duckCalls} FROM t WINDOW w AS ({duckWindow})");

    [Theory]
    [InlineData(1, 4096, 20261220)]
    [InlineData(2, 7, 20261221)]
    public async Task Over_aggregates_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400, lateRows: false, sequence: true, timeStepMillis: 1000);

        // ROWS, bounded: the n preceding rows of the partition and the row itself.
        await run.CheckAsync(Over("k, v, s, seq",
            "COUNT(*) OVER w, SUM(v) OVER w, MIN(v) OVER w, MAX(s) OVER w, SUM(d) OVER w",
            "COUNT(*) OVER w, SUM(v) OVER w, MIN(v) OVER w, MAX(s) OVER w, SUM(d) OVER w",
            "PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW"));
        // ROWS, unbounded; an expression over the calls and a computed argument.
        await run.CheckAsync(Over("k, seq",
            "COUNT(v) OVER w, MAX(d) OVER w, SUM(v) OVER w + 1, MIN(v * 2) OVER w",
            "COUNT(v) OVER w, MAX(d) OVER w, SUM(v) OVER w + 1, MIN(v * 2) OVER w",
            "PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"));
        // A PARTITION BY expression, computed below the aggregation.
        await run.CheckAsync(Over("k, v, seq", "COUNT(*) OVER w, SUM(v) OVER w", "COUNT(*) OVER w, SUM(v) OVER w",
            "PARTITION BY MOD(seq, 3), k ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW",
            "PARTITION BY seq % 3, k ORDER BY ts, seq ROWS BETWEEN 1 PRECEDING AND CURRENT ROW"));
        // ROWS of the current row only; no partition (one global partition).
        await run.CheckAsync(Over("seq", "COUNT(*) OVER w, MAX(v) OVER w", "COUNT(*) OVER w, MAX(v) OVER w",
            "ORDER BY ts ROWS BETWEEN CURRENT ROW AND CURRENT ROW", "ORDER BY ts, seq ROWS BETWEEN CURRENT ROW AND CURRENT ROW"));
        await run.CheckAsync(Over("seq", "SUM(v) OVER w, MIN(s) OVER w, COUNT(*) OVER w", "SUM(v) OVER w, MIN(s) OVER w, COUNT(*) OVER w",
            "ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW", "ORDER BY ts, seq ROWS BETWEEN 5 PRECEDING AND CURRENT ROW"));
        // RANGE, bounded by an interval: every row of the last 3 seconds, peers included.
        await run.CheckAsync(Over("k, v, seq",
            $"COUNT(*) OVER w, SUM(v) OVER w, MIN(d) OVER w, MAX(v) OVER w, AVG(v) OVER w",
            $"COUNT(*) OVER w, SUM(v) OVER w, MIN(d) OVER w, MAX(v) OVER w, {DuckAvgV}",
            "PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '3' SECOND PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL 3 SECOND PRECEDING AND CURRENT ROW"));
        await run.CheckAsync(Over("k, b, seq", "COUNT(v) OVER w, MAX(s) OVER w", "COUNT(v) OVER w, MAX(s) OVER w",
            "PARTITION BY k, b ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW",
            "PARTITION BY k, b ORDER BY ts RANGE BETWEEN INTERVAL 10 SECOND PRECEDING AND CURRENT ROW"));
        // RANGE of the current time only (peers); RANGE unbounded, written and by default (no frame).
        await run.CheckAsync(Over("k, seq", "COUNT(*) OVER w, SUM(v) OVER w", "COUNT(*) OVER w, SUM(v) OVER w",
            "PARTITION BY k ORDER BY ts RANGE BETWEEN CURRENT ROW AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts RANGE BETWEEN CURRENT ROW AND CURRENT ROW"));
        await run.CheckAsync(Over("k, seq", "COUNT(*) OVER w, SUM(d) OVER w, MIN(s) OVER w", "COUNT(*) OVER w, SUM(d) OVER w, MIN(s) OVER w",
            "PARTITION BY k ORDER BY ts RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"));
        await run.CheckAsync(new DualSql(
            "SELECT s, seq, SUM(v) OVER (PARTITION BY s ORDER BY ts) AS total, COUNT(*) OVER (PARTITION BY s ORDER BY ts) FROM t",
            "SELECT s, seq, SUM(v) OVER (PARTITION BY s ORDER BY ts) AS total, COUNT(*) OVER (PARTITION BY s ORDER BY ts) FROM t"));
        // Processing time: rows in arrival order (the file's, seq), each seeing the rows before it.
        await run.CheckAsync(new DualSql(
            "SELECT k, seq, SUM(v) OVER w, COUNT(*) OVER w, MAX(s) OVER w FROM (SELECT *, PROCTIME() AS pt FROM t) "
            + "WINDOW w AS (PARTITION BY k ORDER BY pt ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
            "SELECT k, seq, SUM(v) OVER w, COUNT(*) OVER w, MAX(s) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"));
        await run.CheckAsync(new DualSql(
            "SELECT k, seq, MIN(d) OVER (PARTITION BY k ORDER BY pt) FROM (SELECT *, PROCTIME() AS pt FROM t)",
            "SELECT k, seq, MIN(d) OVER (PARTITION BY k ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }

    /// <summary>
    /// ROW_NUMBER, RANK, DENSE_RANK and LAG without a Top-N filter are OVER aggregates, beside the other aggregates Flink's
    /// OVER takes (FIRST_VALUE, LAST_VALUE, LISTAGG, BOOL_AND/BOOL_OR), with retraction in bounded frames. ROW_NUMBER always
    /// counts ROWS, so ties follow arrival order (seq on the DuckDB side); RANK and DENSE_RANK give ties one rank; LAG is
    /// written in a ROWS window here (in a RANGE window Flink gives peers one value, which DuckDB does not).
    /// FIRST_VALUE and LAST_VALUE skip NULLs as Flink's do (DuckDB's IGNORE NULLS).
    /// </summary>
    [Theory]
    [InlineData(1, 4096, 20261204)]
    [InlineData(2, 7, 20261205)]
    public async Task Window_functions_and_value_aggregates_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 400, lateRows: false, sequence: true, timeStepMillis: 1000);

        await run.CheckAsync(new DualSql(
            "SELECT k, seq, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM t",
            "SELECT k, seq, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts, seq) AS rn FROM t"));
        await run.CheckAsync(new DualSql(
            "SELECT seq, ROW_NUMBER() OVER (ORDER BY ts) FROM t",
            "SELECT seq, ROW_NUMBER() OVER (ORDER BY ts, seq) FROM t"));
        await run.CheckAsync(Over("k, seq", "RANK() OVER w, DENSE_RANK() OVER w, COUNT(*) OVER w, SUM(v) OVER w",
            "RANK() OVER w, DENSE_RANK() OVER w, COUNT(*) OVER w, SUM(v) OVER w",
            "PARTITION BY k ORDER BY ts", "PARTITION BY k ORDER BY ts"));
        await run.CheckAsync(Over("k, seq", "ROW_NUMBER() OVER w, LAG(v) OVER w, LAG(s, 2) OVER w, LAG(v, 3, -1) OVER w, MAX(v) OVER w",
            "ROW_NUMBER() OVER w, LAG(v) OVER w, LAG(s, 2) OVER w, LAG(v, 3, -1) OVER w, MAX(v) OVER w",
            "PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"));
        await run.CheckAsync(Over("k, seq", "LAG(d) OVER w, LAG(v, 0) OVER w, LAG(b, 1, TRUE) OVER w",
            "LAG(d) OVER w, LAG(v, 0) OVER w, LAG(b, 1, TRUE) OVER w",
            "PARTITION BY k, b ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k, b ORDER BY ts, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"));
        // Value aggregates, bounded (retracting) and unbounded.
        await run.CheckAsync(Over("k, seq", "FIRST_VALUE(v) OVER w, LAST_VALUE(s) OVER w, BOOL_AND(b) OVER w, BOOL_OR(b) OVER w",
            "FIRST_VALUE(v IGNORE NULLS) OVER w, LAST_VALUE(s IGNORE NULLS) OVER w, BOOL_AND(b) OVER w, BOOL_OR(b) OVER w",
            "PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW"));
        await run.CheckAsync(Over("k, seq", "FIRST_VALUE(s) OVER w, LAST_VALUE(v) OVER w",
            "FIRST_VALUE(s IGNORE NULLS) OVER w, LAST_VALUE(v IGNORE NULLS) OVER w",
            "PARTITION BY k ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"));
        await run.CheckAsync(Over("k, seq", "COUNT(DISTINCT s) OVER w, SUM(DISTINCT v) OVER w, COUNT(*) OVER w",
            "COUNT(DISTINCT s) OVER w, SUM(DISTINCT v) OVER w, COUNT(*) OVER w",
            "PARTITION BY k ORDER BY ts ROWS BETWEEN 4 PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN 4 PRECEDING AND CURRENT ROW"));
        await run.CheckAsync(Over("k, seq", "COUNT(DISTINCT v) OVER w, MAX(DISTINCT d) OVER w",
            "COUNT(DISTINCT v) OVER w, MAX(DISTINCT d) OVER w",
            "PARTITION BY k ORDER BY ts", "PARTITION BY k ORDER BY ts"));
        await run.CheckAsync(Over("k, seq", "LISTAGG(s) OVER w, LISTAGG(s, '|') OVER w",
            "STRING_AGG(s, ',' ORDER BY ts, seq) OVER w, STRING_AGG(s, '|' ORDER BY ts, seq) OVER w",
            "PARTITION BY k ORDER BY ts ROWS BETWEEN 3 PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN 3 PRECEDING AND CURRENT ROW"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(run.Cases, run.NonEmptyCases);
    }
}
