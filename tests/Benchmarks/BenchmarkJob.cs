using Apache.Arrow;
using StreamSql.Connectors;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Benchmarks;

/// <summary>
/// The bid filter + projection of <see cref="FilterProjectBenchmark"/> as a job of its own: replayed in-memory bids
/// (<paramref name="loops"/> times over) into a counting blackhole, planned from SQL text with the given session
/// settings (checkpointing options among them), ready to start fresh or restored.
/// </summary>
internal sealed class BenchmarkJob(IReadOnlyList<RecordBatch> batches, int loops)
{
    private const string Script = """
        CREATE TABLE bid (
          auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING
        ) WITH ('connector' = 'replay');
        CREATE TABLE sink (auction BIGINT, bidder BIGINT, price_cents BIGINT, dateTime TIMESTAMP(3))
        WITH ('connector' = 'counting-blackhole');
        INSERT INTO sink SELECT auction, bidder, price * 100 AS price_cents, dateTime FROM bid WHERE price > 10000;
        """;

    public CountingSinkConnector Sink { get; } = new();

    /// <summary>Plans the script with <paramref name="settings"/> (plus parallelism 1) and returns the runner and the graph.</summary>
    public (JobRunner Runner, JobGraph Graph) Plan(IReadOnlyDictionary<string, string> settings, string jobName)
    {
        var connectors = BuiltInConnectors.CreateRegistry();
        connectors.Register(new ReplayConnector(batches, loops));
        connectors.Register(Sink);
        var planner = new SqlPlanner(new TableCatalog(), connectors, ConstantEvaluator.Instance);
        var all = new Dictionary<string, string>(settings) { ["parallelism.default"] = "1", ["pipeline.name"] = jobName };
        var configuration = new Configuration(all);
        var runner = new JobRunner(connectors, standardOutput: TextWriter.Null, diagnostics: TextWriter.Null);
        JobGraph? graph = null;
        foreach (var statement in SqlParser.ParseScript(Script).Statements)
            if (planner.Plan(statement, configuration) is InsertPlan insert)
                graph = insert.Job with { Name = jobName };
        return (runner, graph ?? throw new InvalidOperationException("the script started no job"));
    }

    /// <summary>Plans and starts the job (planning is part of what a restart costs, so it is inside the caller's timing).</summary>
    public JobHandle Start(IReadOnlyDictionary<string, string> settings, string jobName, JobStartOptions? options = null)
    {
        var (runner, graph) = Plan(settings, jobName);
        return runner.Start(graph, Guid.NewGuid().ToString("N"), options ?? JobStartOptions.Fresh);
    }

    public static async Task WaitAsync(JobHandle job)
    {
        await job.Completion;
        if (job.Failure is not null) throw new InvalidOperationException("benchmark job failed: " + job.Failure.Message, job.Failure);
    }
}
