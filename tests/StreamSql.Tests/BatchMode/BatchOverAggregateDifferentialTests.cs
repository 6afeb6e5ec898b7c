using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.BatchMode;

/// <summary>
/// OVER windows in <c>'execution.runtime-mode' = 'batch'</c> (the batch OVER aggregate: each partition sorted at end of
/// input): ORDER BY any columns, ascending or descending, with the default RANGE frame (peers share values), ROWS
/// UNBOUNDED PRECEDING and ROWS n PRECEDING; ROW_NUMBER (ordered by the unique <c>seq</c>), RANK, DENSE_RANK, LAG and the
/// aggregates. Every answer must be insert-only and equal DuckDB's.
/// </summary>
public sealed class BatchOverAggregateDifferentialTests
{
    private const string DuckAvgV = "CASE WHEN COUNT(v) OVER w = 0 THEN NULL ELSE CAST(trunc(SUM(v) OVER w / COUNT(v) OVER w) AS BIGINT) END";

    private static (string, string)[] Settings(int parallelism, int batchRows) =>
    [
        ("execution.runtime-mode", "batch"),
        ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
        ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)),
    ];

    private static DualSql Over(string columns, string calls, string window) => Over(columns, calls, calls, window, window);

    private static DualSql Over(string columns, string engineCalls, string duckCalls, string engineWindow, string duckWindow) => new(
        $"SELECT {columns}, {engineCalls} FROM t WINDOW w AS ({engineWindow})",
        $"SELECT {columns}, {duckCalls} FROM t WINDOW w AS ({duckWindow})");

    private static readonly DualSql[] Queries =
    [
        // The default frame (RANGE UNBOUNDED PRECEDING): rows of equal v are peers and share every value.
        Over("k, v, seq", "SUM(v) OVER w, COUNT(*) OVER w, MIN(s) OVER w, MAX(d) OVER w, RANK() OVER w, DENSE_RANK() OVER w",
            "PARTITION BY k ORDER BY v NULLS FIRST"),
        // Flink's default null order (first ascending, last descending) against DuckDB's written out.
        Over("k, v, seq", "COUNT(v) OVER w, SUM(d) OVER w, RANK() OVER w",
            "COUNT(v) OVER w, SUM(d) OVER w, RANK() OVER w", "PARTITION BY k ORDER BY v DESC", "PARTITION BY k ORDER BY v DESC NULLS LAST"),
        Over("k, v, seq", $"AVG(v) OVER w, COUNT(*) OVER w", $"{DuckAvgV}, COUNT(*) OVER w",
            "PARTITION BY k ORDER BY s, v DESC", "PARTITION BY k ORDER BY s NULLS FIRST, v DESC NULLS LAST"),
        // Several keys, mixed directions, an ORDER BY expression; no PARTITION BY (one partition).
        Over("seq", "DENSE_RANK() OVER w, RANK() OVER w, MAX(v) OVER w",
            "ORDER BY b DESC NULLS LAST, MOD(seq, 7) NULLS FIRST"),
        // ROWS UNBOUNDED PRECEDING over a unique order: ROW_NUMBER and running aggregates.
        Over("k, seq", "ROW_NUMBER() OVER w, SUM(v) OVER w, MIN(v) OVER w, COUNT(s) OVER w",
            "PARTITION BY k ORDER BY seq DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"),
        Over("k, v, seq", "ROW_NUMBER() OVER w, LAG(v) OVER w, LAG(s, 2, 'none') OVER w",
            "PARTITION BY k ORDER BY v NULLS FIRST, seq"),
        // LEAD, NTILE, CUME_DIST and PERCENT_RANK (batch mode only), peers sharing CUME_DIST and PERCENT_RANK.
        Over("k, v, seq", "LEAD(v) OVER w, LEAD(s, 3, 'none') OVER w, NTILE(4) OVER w, CUME_DIST() OVER w, PERCENT_RANK() OVER w",
            "PARTITION BY k ORDER BY v NULLS FIRST, seq"),
        Over("k, v, seq", "CUME_DIST() OVER w, PERCENT_RANK() OVER w, SUM(v) OVER w",
            "CUME_DIST() OVER w, PERCENT_RANK() OVER w, SUM(v) OVER w",
            "PARTITION BY b ORDER BY v DESC", "PARTITION BY b ORDER BY v DESC NULLS LAST"),
        Over("seq", "NTILE(7) OVER w, NTILE(1000) OVER w", "ORDER BY seq DESC"),
        // ROWS n PRECEDING: the frame slides.
        Over("k, seq", "SUM(v) OVER w, COUNT(*) OVER w, MAX(s) OVER w, MIN(d) OVER w",
            "PARTITION BY k ORDER BY d NULLS FIRST, seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW"),
        Over("seq", "COUNT(v) OVER w, MAX(v) OVER w",
            "ORDER BY seq DESC ROWS BETWEEN CURRENT ROW AND CURRENT ROW"),
        // No ORDER BY: every row of the partition is a peer, so each gets the whole partition's values.
        Over("k, seq", "SUM(v) OVER w, COUNT(*) OVER w, MAX(s) OVER w, RANK() OVER w, CUME_DIST() OVER w", "PARTITION BY k"),
        Over("k, v, seq", "COUNT(DISTINCT v) OVER w, SUM(DISTINCT v) OVER w", "PARTITION BY b ORDER BY k NULLS FIRST"),
        // A ranking function alone in the select list (a rank without a filter on its number).
        new("SELECT k, v, seq, RANK() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST) AS r FROM t",
            "SELECT k, v, seq, RANK() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST) AS r FROM t"),
        new("SELECT k, seq, ROW_NUMBER() OVER (PARTITION BY s ORDER BY seq) AS rn FROM t",
            "SELECT k, seq, ROW_NUMBER() OVER (PARTITION BY s ORDER BY seq) AS rn FROM t"),
        // RANK and DENSE_RANK Top-N (batch mode only): ties at the last kept rank are all kept.
        new("SELECT k, v, seq, r FROM (SELECT k, v, seq, RANK() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST) AS r FROM t) WHERE r <= 3",
            "SELECT k, v, seq, r FROM (SELECT k, v, seq, RANK() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST) AS r FROM t) WHERE r <= 3"),
        new("SELECT s, seq FROM (SELECT s, seq, DENSE_RANK() OVER (ORDER BY b, s) AS r FROM t) WHERE r BETWEEN 2 AND 4",
            "SELECT s, seq FROM (SELECT s, seq, DENSE_RANK() OVER (ORDER BY b NULLS FIRST, s NULLS FIRST) AS r FROM t) WHERE r BETWEEN 2 AND 4"),
        // Several windows in one SELECT (batch mode only): one over aggregation per window, the same call on two windows
        // computed on each, a ranking function sharing a window whatever its frame.
        new("SELECT k, v, seq, ROW_NUMBER() OVER (PARTITION BY k ORDER BY seq DESC) AS rn, "
            + "SUM(v) OVER (PARTITION BY k ORDER BY seq DESC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s2, "
            + "SUM(v) OVER (PARTITION BY k) AS total, COUNT(*) OVER (PARTITION BY b ORDER BY seq) AS c, RANK() OVER (ORDER BY v) AS r FROM t",
            "SELECT k, v, seq, ROW_NUMBER() OVER (PARTITION BY k ORDER BY seq DESC) AS rn, "
            + "SUM(v) OVER (PARTITION BY k ORDER BY seq DESC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s2, "
            + "SUM(v) OVER (PARTITION BY k) AS total, COUNT(*) OVER (PARTITION BY b ORDER BY seq) AS c, RANK() OVER (ORDER BY v NULLS FIRST) AS r FROM t"),
        // An ORDER BY on a time attribute still works in batch mode.
        Over("k, seq", "COUNT(*) OVER w, SUM(v) OVER w", "PARTITION BY k ORDER BY ts, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"),
    ];

    /// <summary>Frames ending after the current row, or before it, and RANGE frames bounded by a distance from the order key
    /// (integer, DECIMAL, DOUBLE, timestamp, DATE and TIME keys, either direction, NULL keys: a NULL row's frame is its NULL
    /// peers).</summary>
    private static readonly DualSql[] Frames =
    [
        Over("k, seq", "SUM(v) OVER w, COUNT(*) OVER w, MIN(s) OVER w, MAX(v) OVER w",
            "PARTITION BY k ORDER BY seq ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING"),
        Over("k, seq", "SUM(v) OVER w, COUNT(v) OVER w, MAX(s) OVER w, MIN(d) OVER w",
            "PARTITION BY k ORDER BY seq DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING"),
        Over("seq", "SUM(v) OVER w, COUNT(*) OVER w, MIN(v) OVER w", "ORDER BY seq ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING"),
        Over("k, seq", "SUM(v) OVER w, COUNT(*) OVER w, MAX(s) OVER w", "PARTITION BY k ORDER BY seq ROWS BETWEEN 2 FOLLOWING AND 5 FOLLOWING"),
        Over("k, seq", "SUM(v) OVER w, COUNT(*) OVER w, MIN(s) OVER w",
            "PARTITION BY k ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"),
        Over("seq", "SUM(v) OVER w, MAX(v) OVER w", "ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING"),
        Over("k, v, seq", "SUM(v) OVER w, COUNT(*) OVER w, MIN(v) OVER w, MAX(s) OVER w",
            "PARTITION BY k ORDER BY v NULLS FIRST RANGE BETWEEN 100 PRECEDING AND CURRENT ROW"),
        Over("b, v, seq", "SUM(v) OVER w, COUNT(*) OVER w, MAX(d) OVER w", "SUM(v) OVER w, COUNT(*) OVER w, MAX(d) OVER w",
            "PARTITION BY b ORDER BY v DESC RANGE BETWEEN 50 PRECEDING AND 50 FOLLOWING",
            "PARTITION BY b ORDER BY v DESC NULLS LAST RANGE BETWEEN 50 PRECEDING AND 50 FOLLOWING"),
        Over("k, v, seq", "SUM(v) OVER w, COUNT(*) OVER w", "PARTITION BY k ORDER BY v NULLS FIRST RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING"),
        Over("v, seq", "COUNT(*) OVER w, MIN(v) OVER w, SUM(v) OVER w", "ORDER BY v NULLS FIRST RANGE BETWEEN 20 FOLLOWING AND 100 FOLLOWING"),
        Over("v, seq", "COUNT(*) OVER w, MAX(v) OVER w", "ORDER BY v NULLS FIRST RANGE BETWEEN 100 PRECEDING AND 10 PRECEDING"),
        Over("k, seq", "COUNT(*) OVER w, SUM(v) OVER w, MAX(v) OVER w", "COUNT(*) OVER w, SUM(v) OVER w, MAX(v) OVER w",
            "PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '2' SECOND PRECEDING AND CURRENT ROW",
            "PARTITION BY k ORDER BY ts NULLS FIRST RANGE BETWEEN INTERVAL 2 SECOND PRECEDING AND CURRENT ROW"),
        Over("seq", "COUNT(*) OVER w, MIN(s) OVER w", "COUNT(*) OVER w, MIN(s) OVER w",
            "ORDER BY ts DESC RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND INTERVAL '3' SECOND FOLLOWING",
            "ORDER BY ts DESC NULLS LAST RANGE BETWEEN INTERVAL 1 SECOND PRECEDING AND INTERVAL 3 SECOND FOLLOWING"),
        // Offsets at BIGINT's limit reach the partition's ends.
        Over("k, seq", "COUNT(*) OVER w, SUM(v) OVER w",
            "PARTITION BY k ORDER BY seq ROWS BETWEEN 9223372036854775807 PRECEDING AND 9223372036854775807 FOLLOWING"),
        Over("k, d, seq", "COUNT(*) OVER w", "PARTITION BY k ORDER BY d NULLS FIRST RANGE BETWEEN CURRENT ROW AND 9223372036854775807 FOLLOWING"),
        // FIRST_VALUE and LAST_VALUE over frames before and after the row: Flink's aggregates skip NULLs (DuckDB's IGNORE NULLS).
        Over("k, seq", "FIRST_VALUE(v) OVER w, LAST_VALUE(v) OVER w, LAST_VALUE(s) OVER w",
            "FIRST_VALUE(v IGNORE NULLS) OVER w, LAST_VALUE(v IGNORE NULLS) OVER w, LAST_VALUE(s IGNORE NULLS) OVER w",
            "PARTITION BY k ORDER BY seq ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING", "PARTITION BY k ORDER BY seq ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING"),
        Over("v, seq", "FIRST_VALUE(seq) OVER w, LAST_VALUE(seq) OVER w", "ORDER BY v NULLS FIRST, seq ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING"),
        // DECIMAL and DOUBLE keys take whole-number offsets.
        Over("k, d, seq", "COUNT(*) OVER w, SUM(v) OVER w, MAX(d) OVER w", "COUNT(*) OVER w, SUM(v) OVER w, MAX(d) OVER w",
            "PARTITION BY b ORDER BY d DESC RANGE BETWEEN 20000 PRECEDING AND 5000 FOLLOWING",
            "PARTITION BY b ORDER BY d DESC NULLS LAST RANGE BETWEEN 20000 PRECEDING AND 5000 FOLLOWING"),
        Over("seq", "COUNT(*) OVER w, MIN(v) OVER w", "COUNT(*) OVER w, MIN(v) OVER w",
            "ORDER BY CAST(v AS DOUBLE) / 4 RANGE BETWEEN 3 PRECEDING AND 2 FOLLOWING",
            "ORDER BY CAST(v AS DOUBLE) / 4 NULLS FIRST RANGE BETWEEN 3 PRECEDING AND 2 FOLLOWING"),
        // DATE keys (whole days; the part of an offset short of a day reaches no further date) and TIME keys (Flink's TIME is
        // TIME(0): the cast drops the milliseconds).
        Over("k, seq", "COUNT(*) OVER w, SUM(v) OVER w, MIN(seq) OVER w", "COUNT(*) OVER w, SUM(v) OVER w, MIN(seq) OVER w",
            "PARTITION BY b ORDER BY CAST(TIMESTAMPADD(DAY, (v + 100) / 10, ts) AS DATE) RANGE BETWEEN INTERVAL '3' DAY PRECEDING AND INTERVAL '36' HOUR FOLLOWING",
            "PARTITION BY b ORDER BY CAST(ts + ((v + 100) // 10) * INTERVAL 1 DAY AS DATE) NULLS FIRST RANGE BETWEEN INTERVAL 3 DAY PRECEDING AND INTERVAL 1 DAY FOLLOWING"),
        Over("seq", "COUNT(*) OVER w, MAX(v) OVER w", "COUNT(*) OVER w, MAX(v) OVER w",
            "ORDER BY CAST(TIMESTAMPADD(DAY, (v + 100) / 10, ts) AS DATE) DESC RANGE BETWEEN CURRENT ROW AND INTERVAL '10' DAY FOLLOWING",
            "ORDER BY CAST(ts + ((v + 100) // 10) * INTERVAL 1 DAY AS DATE) DESC NULLS LAST RANGE BETWEEN CURRENT ROW AND INTERVAL 10 DAY FOLLOWING"),
        Over("seq", "COUNT(*) OVER w, MIN(v) OVER w", "COUNT(*) OVER w, MIN(v) OVER w",
            "ORDER BY CAST(ts AS TIME) RANGE BETWEEN INTERVAL '20' SECOND PRECEDING AND INTERVAL '5' SECOND FOLLOWING",
            "ORDER BY CAST(date_trunc('second', ts) AS TIME) NULLS FIRST RANGE BETWEEN INTERVAL 20 SECOND PRECEDING AND INTERVAL 5 SECOND FOLLOWING"),
        // LAG and LEAD beside a frame that reaches past the current row: they read no frame.
        Over("k, seq", "LAG(v) OVER w, LEAD(v) OVER w, SUM(v) OVER w", "PARTITION BY k ORDER BY seq ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING"),
    ];

    /// <summary>Several different windows in one SELECT (one over aggregate per window, stacked): other partitions,
    /// orders and frames, named windows used side by side, ranking functions beside aggregates of other frames, the same
    /// window written twice (shared), and windows over the rows of an aggregation.</summary>
    private static readonly DualSql[] SeveralWindows =
    [
        new("SELECT k, seq, SUM(v) OVER (PARTITION BY k ORDER BY seq) AS run, RANK() OVER (ORDER BY v DESC) AS r FROM t",
            "SELECT k, seq, SUM(v) OVER (PARTITION BY k ORDER BY seq) AS run, RANK() OVER (ORDER BY v DESC NULLS LAST) AS r FROM t"),
        new("SELECT k, seq, COUNT(*) OVER w1 AS c1, MAX(v) OVER w2 AS m2, MIN(s) OVER w1 AS s1, SUM(v) OVER w3 AS s3 FROM t "
            + "WINDOW w1 AS (PARTITION BY k ORDER BY seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), w2 AS (PARTITION BY b ORDER BY v, seq), "
            + "w3 AS (PARTITION BY k ORDER BY seq ROWS BETWEEN 1 PRECEDING AND 3 FOLLOWING)",
            "SELECT k, seq, COUNT(*) OVER w1 AS c1, MAX(v) OVER w2 AS m2, MIN(s) OVER w1 AS s1, SUM(v) OVER w3 AS s3 FROM t "
            + "WINDOW w1 AS (PARTITION BY k ORDER BY seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), w2 AS (PARTITION BY b ORDER BY v NULLS FIRST, seq), "
            + "w3 AS (PARTITION BY k ORDER BY seq ROWS BETWEEN 1 PRECEDING AND 3 FOLLOWING)"),
        // A ranking function and LAG share an aggregate's window whatever its frame; a second frame is a second window.
        DualSql.Same("SELECT seq, ROW_NUMBER() OVER (ORDER BY seq) AS rn, SUM(v) OVER (ORDER BY seq ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near, "
            + "SUM(v) OVER (ORDER BY seq) AS run, LAG(v) OVER (ORDER BY seq) AS prev, COUNT(*) OVER () AS total, COUNT(*) OVER (PARTITION BY k) AS per_k FROM t"),
        // The same window written inline twice, and an expression over calls of two windows.
        DualSql.Same("SELECT k, seq, SUM(v) OVER (PARTITION BY k ORDER BY seq) - SUM(v) OVER (PARTITION BY k ORDER BY seq) AS zero, "
            + "SUM(v) OVER (PARTITION BY k ORDER BY seq) * 10 + COUNT(*) OVER (PARTITION BY MOD(seq, 4) ORDER BY seq DESC) AS mixed FROM t"),
        new("SELECT k, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY k) AS run, RANK() OVER (ORDER BY COUNT(*) DESC, k) AS r, "
            + "MAX(SUM(v)) OVER (PARTITION BY MOD(k, 3)) AS best FROM t GROUP BY k",
            "SELECT k, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY k NULLS FIRST) AS run, RANK() OVER (ORDER BY COUNT(*) DESC, k NULLS FIRST) AS r, "
            + "MAX(SUM(v)) OVER (PARTITION BY MOD(k, 3)) AS best FROM t GROUP BY k"),
        // Over the rows of a ROLLUP: GROUPING of two keys partitions one window, another runs over every set.
        new("SELECT k, b, GROUPING(k, b) AS g, COUNT(*) AS c, RANK() OVER (PARTITION BY GROUPING(k, b) ORDER BY COUNT(*) DESC, k, b) AS r, "
            + "SUM(COUNT(*)) OVER (ORDER BY k, b) AS run FROM t GROUP BY ROLLUP (k, b)",
            "SELECT k, b, GROUPING(k, b) AS g, COUNT(*) AS c, RANK() OVER (PARTITION BY GROUPING(k, b) ORDER BY COUNT(*) DESC, k NULLS FIRST, b NULLS FIRST) AS r, "
            + "SUM(COUNT(*)) OVER (ORDER BY k NULLS FIRST, b NULLS FIRST) AS run FROM t GROUP BY ROLLUP (k, b)"),
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
    public async Task Several_windows_in_one_select_in_batch_mode_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261205, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: true, sequence: true);
        foreach (var query in SeveralWindows) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(SeveralWindows.Length, run.NonEmptyCases);
    }

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Frames_past_the_current_row_and_bounded_ranges_in_batch_mode_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261231, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: true, sequence: true);
        foreach (var query in Frames) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Frames.Length, run.NonEmptyCases);
    }

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Over_windows_in_batch_mode_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261230, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: true, sequence: true);
        foreach (var query in Queries) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(Queries.Length, run.NonEmptyCases);
    }
}
