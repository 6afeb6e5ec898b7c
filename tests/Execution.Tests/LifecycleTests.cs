using StreamSql.Execution.Runtime;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Physical;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests;

public sealed class LifecycleTests
{
    private readonly MemoryConnector _memory = new();
    private readonly JobRunner _runner;

    public LifecycleTests()
    {
        var registry = new Connectors.ConnectorRegistry();
        registry.Register(_memory);
        _runner = new JobRunner(registry);
    }

    [Fact]
    public async Task A_failing_operator_fails_the_job_naming_the_task_and_closes_everything()
    {
        _memory.Sources["unbounded"] = [EventRange(0, 10)];
        _memory.Sources["bounded"] = [EventRange(0, 10)];
        var graph = Graph(
            [
                new JobVertex(1, "Source: unbounded", [Source("unbounded", Events, ("unbounded", "true"))], 2),
                new JobVertex(2, "Source: bounded", [Source("bounded", Events)], 1),
                new JobVertex(3, "Sink: broken", [Sink("broken", Events, ("fail-on-write", "disk full"))], 1),
                new JobVertex(4, "Sink: fine", [Sink("fine", Events)], 1),
            ],
            [Edge(1, 4, ExchangeKind.Single), Edge(2, 3, ExchangeKind.Forward)]);

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Equal(JobStatus.Failed, handle.Status);
        var failure = Assert.IsType<JobExecutionException>(handle.Failure);
        Assert.Equal("Sink: broken (1/1) failed: disk full", failure.Message);
        Assert.IsType<IOException>(failure.InnerException);
        Assert.Equal(3, _memory.ReadersOpened);
        Assert.Equal(3, _memory.ReadersDisposed);
        Assert.Equal(2, _memory.WritersOpened);
        Assert.Equal(2, _memory.WritersDisposed);
        Assert.Empty(_memory.CommittedTo("broken"));
    }

    [Fact]
    public async Task A_failing_source_fails_the_job_and_completes_the_result_channel_with_the_failure()
    {
        _memory.Sources["bad"] = [EventRange(0, 10)];
        var graph = Graph(
            [
                new JobVertex(1, "Source: bad", [Source("bad", Events, ("fail-on-read", "connection refused"))], 1),
                new JobVertex(2, "Collect", [new CollectSinkSpec(Sql.Planner.Types.ChangelogMode.InsertOnly, "Collect", Events)], 1),
            ],
            [Edge(1, 2, ExchangeKind.Forward)]);

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Equal(JobStatus.Failed, handle.Status);
        Assert.Equal("Source: bad (1/1) failed: connection refused", handle.Failure!.Message);
        var error = await Assert.ThrowsAsync<JobExecutionException>(async () =>
        {
            await foreach (var _ in handle.Results!.ReadAllAsync()) { }
        });
        Assert.Same(handle.Failure, error);
        Assert.Equal(1, _memory.ReadersDisposed);
    }

    [Fact]
    public async Task Cancel_stops_an_unbounded_job_promptly_and_closes_readers_and_writers()
    {
        _memory.Sources["endless"] = [EventRange(0, 10), EventRange(10, 10)];
        var graph = Graph(
            [
                new JobVertex(1, "Source: endless", [Source("endless", Events, ("unbounded", "true"))], 2),
                new JobVertex(2, "Calc", [FilterFlagProjectNameId()], 2),
                new JobVertex(3, "Sink: endless", [Sink("endless-out", NameId)], 1),
            ],
            [Edge(1, 2, ExchangeKind.Hash, 0, 0), Edge(2, 3, ExchangeKind.Single)],
            ("execution.batch.linger", "5 ms"));

        var handle = _runner.Start(graph, "endless-job");
        Assert.Equal(JobStatus.Running, handle.Status);
        await WaitUntilAsync(() => _memory.RowsWritten == 10);
        Assert.Equal(JobStatus.Running, handle.Status);

        handle.Cancel();
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(JobStatus.Canceled, handle.Status);
        Assert.Null(handle.Failure);
        Assert.Equal(2, _memory.ReadersDisposed);
        Assert.Equal(1, _memory.WritersDisposed);
    }

    [Fact]
    public async Task Capacity_one_channels_backpressure_without_deadlock()
    {
        _memory.Sources["many"] = Enumerable.Range(0, 300).Select(i => EventRange(i * 10, 10)).ToList();
        var graph = Graph(
            [
                new JobVertex(1, "Source: many", [Source("many", Events)], 2),
                new JobVertex(2, "Calc", [FilterFlagProjectNameId()], 3),
                new JobVertex(3, "Union", [new UnionSpec(1, "Union", NameId, Sql.Planner.Types.ChangelogMode.InsertOnly)], 2),
                new JobVertex(4, "Collect", [new CollectSinkSpec(Sql.Planner.Types.ChangelogMode.InsertOnly, "Collect", NameId)], 1),
            ],
            [Edge(1, 2, ExchangeKind.Hash, 0, 0), Edge(2, 3, ExchangeKind.Rebalance), Edge(3, 4, ExchangeKind.Single)],
            ("execution.channel.capacity", "1"), ("execution.batch.max-rows", "4"));

        var handle = _runner.Start(graph, "slow-client");
        long rows = 0;
        await foreach (var batch in handle.Results!.ReadAllAsync())
        {
            rows += batch.Length;
            if (rows % 50 == 0) await Task.Delay(1); // a slow client
        }
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(JobStatus.Finished, handle.Status);
        Assert.Equal(1500, rows);
    }
}
