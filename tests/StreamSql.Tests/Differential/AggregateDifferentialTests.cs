namespace StreamSql.Tests.Differential;

/// <summary>
/// Random GROUP BY queries (<see cref="AggregateGenerator"/>) over random rows, each query's materialized changelog compared
/// with DuckDB's answer for the same query over the same rows: 80 generated cases per run with a fixed seed, at parallelism 1
/// with the file read in large batches, at parallelism 2 with 7-row batches (so groups are updated and retracted across
/// many batches and subtasks), and the same with mini-batches (two-phase Local/Global aggregation).
/// </summary>
public sealed class AggregateDifferentialTests
{
    [Theory]
    [InlineData(1, 4096, 20261204, false)]
    [InlineData(2, 7, 20261205, false)]
    [InlineData(2, 7, 20261206, true)]
    // Seed 3 once failed: a two-phase SUM over an updating input lost a partial sum whose count of values netted to 0.
    [InlineData(2, 7, 3, true)]
    public async Task Random_group_by_queries_agree_with_duckdb(int parallelism, int batchRows, int seed, bool miniBatch)
    {
        (string, string)[] settings =
        [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // Mini-batches of 50 rows: aggregations split into Local and Global phases where their functions allow it.
            ("table.exec.mini-batch.enabled", miniBatch ? "true" : "false"),
            ("table.exec.mini-batch.allow-latency", "1 h"),
            ("table.exec.mini-batch.size", "50"),
        ];
        await using var run = new DifferentialRun(seed, settings);
        run.AddTable("t", rows: 300);
        var generator = new AggregateGenerator(run.Random);
        for (int i = 0; i < 80; i++) await run.CheckAsync(generator.Query());
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases >= 60, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
    }

    /// <summary>With <c>table.optimizer.distinct-agg.split.enabled</c> (4 buckets, so buckets hold several values): the
    /// queries with DISTINCT calls run as a PARTIAL aggregation by key and bucket and a FINAL one merging the buckets'
    /// updates; with mini-batches the FINAL level splits into Local and Global phases too.</summary>
    [Theory]
    [InlineData(20261208, false)]
    [InlineData(20261209, true)]
    public async Task Random_group_by_queries_with_split_distinct_aggregation_agree_with_duckdb(int seed, bool miniBatch)
    {
        (string, string)[] settings =
        [
            ("parallelism.default", "2"),
            ("execution.batch.max-rows", "7"),
            ("table.optimizer.distinct-agg.split.enabled", "true"),
            ("table.optimizer.distinct-agg.split.bucket-num", "4"),
            ("table.exec.mini-batch.enabled", miniBatch ? "true" : "false"),
            ("table.exec.mini-batch.allow-latency", "1 h"),
            ("table.exec.mini-batch.size", "50"),
        ];
        await using var run = new DifferentialRun(seed, settings);
        run.AddTable("t", rows: 300);
        var generator = new AggregateGenerator(run.Random);
        for (int i = 0; i < 60; i++) await run.CheckAsync(generator.Query());
        // Fixed cases the split takes: a COUNT(DISTINCT) beside other calls, with and without keys, over retractions.
        await run.CheckAsync(DualSql.Same("SELECT k, COUNT(DISTINCT v) AS a0, SUM(v) AS a1, MIN(s) AS a2, COUNT(*) AS a3 FROM t GROUP BY k"));
        await run.CheckAsync(DualSql.Same("SELECT COUNT(DISTINCT s) AS a0, MAX(v) AS a1 FROM t HAVING COUNT(*) > 0"));
        await run.CheckAsync(DualSql.Same("SELECT b, SUM(DISTINCT v) FILTER (WHERE k > 3) AS a0, COUNT(DISTINCT v) AS a1 FROM t GROUP BY b"));
        await run.CheckAsync(DualSql.Same("SELECT c2, COUNT(DISTINCT k) AS a0 FROM (SELECT k, COUNT(*) AS c2 FROM t GROUP BY k) AS y GROUP BY c2"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases >= 50, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
    }

    /// <summary>DISTINCT aggregates over the same argument with different FILTERs (Nexmark q15's shape) share one map of
    /// distinct values per group with a count per aggregate: over an insert-only input and over the retractions of an
    /// updating one, one phase and two-phase, in large and in 7-row batches.</summary>
    [Theory]
    [InlineData(1, 4096, false)]
    [InlineData(2, 7, false)]
    [InlineData(2, 7, true)]
    public async Task Distinct_aggregates_sharing_an_argument_under_different_filters_agree_with_duckdb(int parallelism, int batchRows, bool miniBatch)
    {
        (string, string)[] settings =
        [
            ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("table.exec.mini-batch.enabled", miniBatch ? "true" : "false"),
            ("table.exec.mini-batch.allow-latency", "1 h"),
            ("table.exec.mini-batch.size", "50"),
        ];
        await using var run = new DifferentialRun(20261210, settings);
        run.AddTable("t", rows: 400);
        await run.CheckAsync(DualSql.Same("SELECT k, COUNT(*) AS n, COUNT(DISTINCT v) AS a0, COUNT(DISTINCT v) FILTER (WHERE v < 100) AS a1, "
            + "COUNT(DISTINCT v) FILTER (WHERE v >= 100 AND v < 500) AS a2, SUM(DISTINCT v) FILTER (WHERE b) AS a3, "
            + "COUNT(DISTINCT s) AS a4, COUNT(DISTINCT s) FILTER (WHERE v > 300) AS a5 FROM t GROUP BY k"));
        await run.CheckAsync(DualSql.Same("SELECT COUNT(DISTINCT s) AS a0, COUNT(DISTINCT s) FILTER (WHERE b) AS a1, "
            + "COUNT(DISTINCT s) FILTER (WHERE NOT b) AS a2, MAX(DISTINCT v) FILTER (WHERE k < 10) AS a3, MIN(DISTINCT v) FILTER (WHERE k < 10) AS a4 FROM t"));
        // Over retractions: the inner aggregation updates (m, c) per (s, k), the outer one retracts the old rows.
        await run.CheckAsync(DualSql.Same("SELECT c, COUNT(DISTINCT s) AS a0, COUNT(DISTINCT s) FILTER (WHERE m > 300) AS a1, "
            + "COUNT(DISTINCT s) FILTER (WHERE m <= 300) AS a2, SUM(DISTINCT m) FILTER (WHERE m < 600) AS a3, COUNT(DISTINCT m) AS a4 "
            + "FROM (SELECT s, k, COUNT(*) AS c, MAX(v) AS m FROM t GROUP BY s, k) AS y GROUP BY c"));
        await run.CheckAsync(DualSql.Same("SELECT s, COUNT(DISTINCT k) AS a0, COUNT(DISTINCT k) FILTER (WHERE c > 1) AS a1, "
            + "SUM(DISTINCT k) FILTER (WHERE c = 1) AS a2 FROM (SELECT s, k, COUNT(*) AS c FROM t GROUP BY s, k) AS y GROUP BY s"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(4, run.NonEmptyCases);
    }

    /// <summary>Queries the random runs once found wrong, kept as fixed cases: run one phase and two-phase.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Planner_regressions_agree_with_duckdb(bool miniBatch)
    {
        (string, string)[] settings =
        [
            ("parallelism.default", "2"),
            ("execution.batch.max-rows", "7"),
            ("table.exec.mini-batch.enabled", miniBatch ? "true" : "false"),
            ("table.exec.mini-batch.allow-latency", "1 h"),
            ("table.exec.mini-batch.size", "50"),
        ];
        await using var run = new DifferentialRun(20261207, settings);
        run.AddTable("t", rows: 300);
        // A grouping key as an aggregate's argument: the aggregate reads every row's key, not the one Expand nulled.
        await run.CheckAsync(DualSql.Same("SELECT k, s, GROUPING(k) AS g, MAX(k) AS a0, COUNT(s) AS a1 FROM t GROUP BY ROLLUP (k, s) HAVING COUNT(*) > 0"));
        await run.CheckAsync(DualSql.Same("SELECT k, s, MIN(s) FILTER (WHERE k > 3) AS a0 FROM t GROUP BY CUBE (k, s) HAVING COUNT(*) > 0"));
        // A FILTER call before another call (two-phase planning read past the accumulator row).
        await run.CheckAsync(DualSql.Same("SELECT k, MAX(v) FILTER (WHERE v > 1) AS a0, SUM(d) AS a1 FROM t GROUP BY k"));
        await run.CheckAsync(DualSql.Same("SELECT s, COUNT(*) FILTER (WHERE b) AS a0, MIN(v) AS a1, SUM(v) FILTER (WHERE k < 10) AS a2 FROM t GROUP BY s"));
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.Equal(4, run.NonEmptyCases);
    }
}
