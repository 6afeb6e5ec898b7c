namespace StreamSql.Tests.Differential;

/// <summary>
/// Random GROUP BY queries (<see cref="AggregateGenerator"/>) over random rows, each query's materialized changelog compared
/// with DuckDB's answer for the same query over the same rows: 80 generated cases per run with a fixed seed, at parallelism 1
/// with the file read in large batches, and at parallelism 2 with 7-row batches (so groups are updated and retracted across
/// many batches and subtasks).
/// </summary>
public sealed class AggregateDifferentialTests
{
    [Theory]
    [InlineData(1, 4096, 20261204)]
    [InlineData(2, 7, 20261205)]
    public async Task Random_group_by_queries_agree_with_duckdb(int parallelism, int batchRows, int seed)
    {
        await using var run = new DifferentialRun(seed, ("parallelism.default", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.AddTable("t", rows: 300);
        var generator = new AggregateGenerator(run.Random);
        for (int i = 0; i < 80; i++) await run.CheckAsync(generator.Query());
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases >= 60, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
    }
}
