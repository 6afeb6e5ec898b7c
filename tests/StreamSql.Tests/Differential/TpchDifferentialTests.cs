using System.Globalization;

namespace StreamSql.Tests.Differential;

/// <summary>
/// The TPC-H data set, written once for the test class: scale from STREAMSQL_TPCH_SCALE (default 1); into the directory
/// STREAMSQL_TPCH_DIR names, and kept there (to run the queries with the shell), when it is set.
/// </summary>
public sealed class TpchFixture : IDisposable
{
    private readonly bool _keep;

    public TpchFixture()
    {
        int scale = int.TryParse(Environment.GetEnvironmentVariable("STREAMSQL_TPCH_SCALE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var directory = Environment.GetEnvironmentVariable("STREAMSQL_TPCH_DIR");
        _keep = !string.IsNullOrEmpty(directory);
        Data = TpchData.Write(_keep ? directory! : StateFixtures.TempDirectory(), scale);
    }

    internal TpchData Data { get; }

    public void Dispose()
    {
        if (!_keep) StateFixtures.Delete(Data.Directory);
    }
}

/// <summary>
/// The 22 TPC-H queries over a small generated data set (bounded filesystem csv tables with TPC-H's DATE, DECIMAL(15, 2)
/// and CHAR columns), each answer compared with DuckDB's for the same SQL over the same files: in batch mode (final rows
/// only, ORDER BY kept), and in streaming mode (the changelog folded; ORDER BY without LIMIT dropped as Flink refuses it,
/// ORDER BY ... LIMIT run as a Top-N; also with mini-batches, two-phase and split distinct aggregation), at parallelism 2.
/// </summary>
public sealed class TpchDifferentialTests(TpchFixture fixture) : IClassFixture<TpchFixture>
{
    public static TheoryData<int> Numbers => new(Enumerable.Range(1, 22));

    [Theory]
    [MemberData(nameof(Numbers))]
    public async Task Tpch_query_agrees_with_duckdb_in_batch_mode(int number) =>
        await CheckAsync(number, TpchQueries.Flink[number], batch: true);

    [Theory]
    [MemberData(nameof(Numbers))]
    public async Task Tpch_query_agrees_with_duckdb_in_streaming_mode(int number) =>
        await CheckAsync(number, TpchQueries.Streaming(TpchQueries.Flink[number]), batch: false);

    /// <summary>The queries whose aggregations the tuning changes most: grouped and global ones, over joins, COUNT(DISTINCT).</summary>
    public static TheoryData<int> AggregationNumbers => new(1, 3, 11, 13, 15, 16, 18, 22);

    /// <summary>Streaming as Flink users tune it for aggregations: mini-batches, two-phase aggregation, split distinct
    /// aggregation (q16's COUNT(DISTINCT)).</summary>
    [Theory]
    [MemberData(nameof(AggregationNumbers))]
    public async Task Tpch_query_agrees_with_duckdb_in_streaming_mode_with_mini_batches_and_split_distinct(int number) =>
        await CheckAsync(number, TpchQueries.Streaming(TpchQueries.Flink[number]), batch: false,
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "100 ms"), ("table.exec.mini-batch.size", "500"),
            ("table.optimizer.agg-phase-strategy", "TWO_PHASE"), ("table.optimizer.distinct-agg.split.enabled", "true"));

    private async Task CheckAsync(int number, string query, bool batch, params (string Key, string Value)[] settings)
    {
        await using var run = new DifferentialRun(1, [
            ("execution.runtime-mode", batch ? "batch" : "streaming"),
            ("parallelism.default", "2"),
            .. settings,
        ]) { RequireInsertOnly = batch };
        foreach (var ddl in fixture.Data.EngineDdl()) run.ExecuteEngine(ddl);
        foreach (var ddl in fixture.Data.DuckDbDdl()) run.ExecuteOracle(ddl);
        await run.CheckAsync(new DualSql(query, TpchQueries.DuckDb(number)));
        Assert.True(run.Mismatches == 0, $"TPC-H q{number}: " + run.Report());
        Assert.True(run.NonEmptyCases == 1, $"TPC-H q{number} returned no rows on this data");
    }
}
