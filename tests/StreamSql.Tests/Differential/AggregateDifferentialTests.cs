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
        var generator = new AggregateGenerator(run.Random, filters: !miniBatch);
        for (int i = 0; i < 80; i++) await run.CheckAsync(generator.Query());
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases >= 60, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
    }
}
