using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.BatchMode;

/// <summary>
/// Batch mode: OVER calls in an aggregate SELECT (the window over the aggregated rows: aggregates as arguments, PARTITION
/// BY and ORDER BY keys, with HAVING, frames of every kind, ranking functions, LAG/LEAD, a Top-N over an aggregate), and
/// scalar, IN and EXISTS subqueries beside OVER calls (and in their arguments). Every answer must be insert-only and equal
/// DuckDB's (NULL order written out: Flink's default is NULLS FIRST ascending, NULLS LAST descending).
/// </summary>
public sealed class BatchOverAfterGroupByDifferentialTests
{
    private static (string, string)[] Settings(int parallelism, int batchRows) =>
    [
        ("execution.runtime-mode", "batch"),
        ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
        ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)),
    ];

    private static readonly DualSql[] OverAggregates =
    [
        new("SELECT k, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY k) AS run FROM t GROUP BY k",
            "SELECT k, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY k NULLS FIRST) AS run FROM t GROUP BY k"),
        new("SELECT s, b, SUM(v) AS sv, RANK() OVER (PARTITION BY b ORDER BY SUM(v) DESC) AS r FROM t GROUP BY s, b",
            "SELECT s, b, SUM(v) AS sv, RANK() OVER (PARTITION BY b ORDER BY SUM(v) DESC NULLS LAST) AS r FROM t GROUP BY s, b"),
        // A rank function alone, ordered by an aggregate the select list does not show.
        new("SELECT k, DENSE_RANK() OVER (ORDER BY MAX(v) DESC) AS r FROM t GROUP BY k",
            "SELECT k, DENSE_RANK() OVER (ORDER BY MAX(v) DESC NULLS LAST) AS r FROM t GROUP BY k"),
        new("SELECT k, MAX(v) + 1 AS m, ROW_NUMBER() OVER w AS rn, LAG(MAX(v), 2, 0) OVER w AS before, LEAD(COUNT(*)) OVER w AS next, COUNT(*) OVER w * 2 AS twice "
            + "FROM t WHERE v > 0 GROUP BY k HAVING COUNT(*) > 1 WINDOW w AS (ORDER BY MAX(v) DESC, k)",
            "SELECT k, MAX(v) + 1 AS m, ROW_NUMBER() OVER w AS rn, LAG(MAX(v), 2, 0) OVER w AS before, LEAD(COUNT(*)) OVER w AS next, COUNT(*) OVER w * 2 AS twice "
            + "FROM t WHERE v > 0 GROUP BY k HAVING COUNT(*) > 1 WINDOW w AS (ORDER BY MAX(v) DESC NULLS LAST, k NULLS FIRST)"),
        // Frames over the aggregated rows: ROWS around the row, RANGE by an aggregate's value.
        new("SELECT k, SUM(SUM(v)) OVER w AS sv, MIN(MIN(s)) OVER w AS ms FROM t GROUP BY k WINDOW w AS (ORDER BY k ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING)",
            "SELECT k, SUM(SUM(v)) OVER w AS sv, MIN(MIN(s)) OVER w AS ms FROM t GROUP BY k WINDOW w AS (ORDER BY k NULLS FIRST ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING)"),
        new("SELECT k, MAX(SUM(v)) OVER (ORDER BY k DESC ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS mv FROM t GROUP BY k",
            "SELECT k, MAX(SUM(v)) OVER (ORDER BY k DESC NULLS LAST ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS mv FROM t GROUP BY k"),
        DualSql.Same("SELECT k, COUNT(*) AS c, COUNT(*) OVER (ORDER BY COUNT(*) RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS near FROM t GROUP BY k"),
        DualSql.Same("SELECT k, MAX(k) OVER (ORDER BY COUNT(*) DESC RANGE BETWEEN CURRENT ROW AND 3 FOLLOWING) AS mk FROM t GROUP BY k"),
        new("SELECT b, s, LAG(SUM(v)) OVER (PARTITION BY b ORDER BY s) AS prev, CUME_DIST() OVER (PARTITION BY b ORDER BY s) AS cd, NTILE(3) OVER (PARTITION BY b ORDER BY s) AS tile FROM t GROUP BY b, s",
            "SELECT b, s, LAG(SUM(v)) OVER (PARTITION BY b ORDER BY s NULLS FIRST) AS prev, CUME_DIST() OVER (PARTITION BY b ORDER BY s NULLS FIRST) AS cd, NTILE(3) OVER (PARTITION BY b ORDER BY s NULLS FIRST) AS tile FROM t GROUP BY b, s"),
        // A DATE group key (an expression) orders a RANGE frame of seven days over the grouped rows.
        new("SELECT CAST(TIMESTAMPADD(DAY, (v + 100) / 10, ts) AS DATE) AS d, COUNT(*) AS c, "
            + "SUM(COUNT(*)) OVER (ORDER BY CAST(TIMESTAMPADD(DAY, (v + 100) / 10, ts) AS DATE) RANGE BETWEEN INTERVAL '7' DAY PRECEDING AND CURRENT ROW) AS week "
            + "FROM t GROUP BY CAST(TIMESTAMPADD(DAY, (v + 100) / 10, ts) AS DATE)",
            "SELECT d, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY d NULLS FIRST RANGE BETWEEN INTERVAL 7 DAY PRECEDING AND CURRENT ROW) AS week "
            + "FROM (SELECT CAST(ts + ((v + 100) // 10) * INTERVAL 1 DAY AS DATE) AS d FROM t) GROUP BY d"),
        // An expression of group keys partitions; an aggregate computed beside its window value.
        new("SELECT k, COUNT(*) * 10 + SUM(COUNT(*)) OVER (PARTITION BY MOD(k, 3) ORDER BY k) AS mixed FROM t GROUP BY k",
            "SELECT k, COUNT(*) * 10 + SUM(COUNT(*)) OVER (PARTITION BY MOD(k, 3) ORDER BY k NULLS FIRST) AS mixed FROM t GROUP BY k"),
        // A global aggregation: one row, its window the whole (one-row) result.
        DualSql.Same("SELECT COUNT(*) AS c, SUM(COUNT(*)) OVER () AS total FROM t"),
        // A Top-N over an aggregate.
        new("SELECT k, sv, rn FROM (SELECT k, SUM(v) AS sv, ROW_NUMBER() OVER (PARTITION BY MOD(k, 3) ORDER BY SUM(v) DESC, k) AS rn FROM t GROUP BY k) WHERE rn <= 2",
            "SELECT k, sv, rn FROM (SELECT k, SUM(v) AS sv, ROW_NUMBER() OVER (PARTITION BY MOD(k, 3) ORDER BY SUM(v) DESC NULLS LAST, k NULLS FIRST) AS rn FROM t GROUP BY k) WHERE rn <= 2"),
        new("SELECT s, c FROM (SELECT s, COUNT(*) AS c, RANK() OVER (ORDER BY COUNT(*) DESC) AS r FROM t GROUP BY s) WHERE r <= 3",
            "SELECT s, c FROM (SELECT s, COUNT(*) AS c, RANK() OVER (ORDER BY COUNT(*) DESC) AS r FROM t GROUP BY s) WHERE r <= 3"),
        // A scalar subquery beside the OVER call of an aggregate query.
        new("SELECT s, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY s) - (SELECT COUNT(*) FROM t WHERE v > 500) AS d FROM t GROUP BY s",
            "SELECT s, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY s NULLS FIRST) - (SELECT COUNT(*) FROM t WHERE v > 500) AS d FROM t GROUP BY s"),
    ];

    private static readonly DualSql[] SubqueriesBesideOver =
    [
        new("SELECT k, seq, SUM(v) OVER (PARTITION BY k ORDER BY seq) AS sv, (SELECT MAX(v) FROM t) AS m FROM t",
            "SELECT k, seq, SUM(v) OVER (PARTITION BY k ORDER BY seq) AS sv, (SELECT MAX(v) FROM t) AS m FROM t"),
        DualSql.Same("SELECT seq, COUNT(v) OVER (ORDER BY seq ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS c, k IN (SELECT k FROM t WHERE b) AS i, v NOT IN (SELECT v FROM t WHERE k = 1) AS ni FROM t"),
        new("SELECT seq, RANK() OVER (ORDER BY v DESC) AS r, EXISTS (SELECT 1 FROM t u WHERE u.k = t.k AND u.v > 900) AS e FROM t",
            "SELECT seq, RANK() OVER (ORDER BY v DESC NULLS LAST) AS r, EXISTS (SELECT 1 FROM t u WHERE u.k = t.k AND u.v > 900) AS e FROM t"),
        // In the arguments, and correlated by an equality.
        DualSql.Same("SELECT k, seq, SUM(v - (SELECT MIN(v) FROM t)) OVER (PARTITION BY k ORDER BY seq) AS shifted, (SELECT COUNT(*) FROM t u WHERE u.k = t.k) AS n FROM t"),
        new("SELECT seq, CASE WHEN s IN (SELECT s FROM t WHERE k < 3) THEN LAG(v) OVER (ORDER BY seq) ELSE 0 END AS x FROM t",
            "SELECT seq, CASE WHEN s IN (SELECT s FROM t WHERE k < 3) THEN LAG(v) OVER (ORDER BY seq) ELSE 0 END AS x FROM t"),
    ];

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Over_calls_in_aggregate_queries_in_batch_mode_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261205, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: true, sequence: true);
        foreach (var query in OverAggregates) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(OverAggregates.Length, run.NonEmptyCases);
    }

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(2, 7)]
    public async Task Subqueries_beside_over_calls_in_batch_mode_agree_with_duckdb(int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261206, Settings(parallelism, batchRows)) { RequireInsertOnly = true };
        run.AddTable("t", rows: 300, lateRows: true, sequence: true);
        foreach (var query in SubqueriesBesideOver) await run.CheckAsync(query);
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(SubqueriesBesideOver.Length, run.NonEmptyCases);
    }
}
