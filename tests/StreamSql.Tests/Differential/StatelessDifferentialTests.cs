namespace StreamSql.Tests.Differential;

/// <summary>
/// Filters and projections over random rows (NULLs, duplicates, negative numbers, empty strings), each compared with
/// DuckDB's answer for the same query over the same rows: 200 generated cases per run with a fixed seed.
/// </summary>
public sealed class StatelessDifferentialTests
{
    [Fact]
    public async Task Random_filters_and_projections_agree_with_duckdb()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261203);
        run.AddTable("t", rows: 300);
        var expressions = new ExpressionGenerator(run.Random);
        for (int i = 0; i < 200; i++)
        {
            var columns = Enumerable.Range(0, run.Random.Next(1, 4)).Select(c => expressions.Projection()).ToList();
            var select = DualSql.Join(", ", columns.Select((c, n) => new DualSql($"{c.Engine} AS c{n}", $"{c.DuckDb} AS c{n}")));
            var where = expressions.Predicate();
            await run.CheckAsync(new DualSql($"SELECT {select.Engine} FROM t WHERE {where.Engine}", $"SELECT {select.DuckDb} FROM t WHERE {where.DuckDb}"));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases >= 100, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows: the generator's filters are too strict to prove much");
    }
}
