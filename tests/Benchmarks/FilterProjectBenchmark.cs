using Apache.Arrow;
using StreamSql.Connectors;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Benchmarks;

/// <summary>The engine side: the same query as SQL text, planned and run by the runtime at parallelism 1.</summary>
internal sealed class FilterProjectBenchmark(IReadOnlyList<RecordBatch> batches)
{
    public const long PriceThreshold = 10_000;

    private static readonly string Script = $"""
        CREATE TABLE bid (
          auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING
        ) WITH ('connector' = 'replay');
        CREATE TABLE sink (auction BIGINT, bidder BIGINT, price_cents BIGINT, dateTime TIMESTAMP(3))
        WITH ('connector' = 'counting-blackhole');
        INSERT INTO sink SELECT auction, bidder, price * 100 AS price_cents, dateTime FROM bid WHERE price > {PriceThreshold};
        """;

    /// <summary>The same query fed by the nexmark connector generating <paramref name="events"/> events as fast as it can:
    /// the whole pipeline including data generation.</summary>
    public static async Task<long> RunWithGeneratorAsync(int events)
    {
        var script = $"""
            CREATE TABLE bid (
              auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING
            ) WITH ('connector' = 'nexmark', 'table' = 'bid', 'events.num' = '{events}', 'max-emit-speed' = 'true');
            CREATE TABLE sink (auction BIGINT, bidder BIGINT, price_cents BIGINT, dateTime TIMESTAMP(3))
            WITH ('connector' = 'counting-blackhole');
            INSERT INTO sink SELECT auction, bidder, price * 100 AS price_cents, dateTime FROM bid WHERE price > {PriceThreshold};
            """;
        return await RunScriptAsync(script, null);
    }

    public Task<long> RunAsync() => RunScriptAsync(Script, batches);

    private static async Task<long> RunScriptAsync(string script, IReadOnlyList<RecordBatch>? replay)
    {
        var connectors = BuiltInConnectors.CreateRegistry();
        if (replay is not null) connectors.Register(new ReplayConnector(replay));
        var sink = new CountingSinkConnector();
        connectors.Register(sink);
        var planner = new SqlPlanner(new TableCatalog(), connectors, ConstantEvaluator.Instance);
        var configuration = new Configuration(new Dictionary<string, string> { ["parallelism.default"] = "1" });
        var runner = new JobRunner(connectors, standardOutput: TextWriter.Null);
        JobHandle? job = null;
        foreach (var statement in SqlParser.ParseScript(script).Statements)
        {
            if (planner.Plan(statement, configuration) is InsertPlan insert)
                job = runner.Start(insert.Job, Guid.NewGuid().ToString("N"));
        }
        if (job is null) throw new InvalidOperationException("the script started no job");
        await job.Completion;
        if (job.Failure is not null) throw new InvalidOperationException("benchmark job failed: " + job.Failure.Message, job.Failure);
        return sink.Rows;
    }
}
