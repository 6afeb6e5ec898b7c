using StreamSql.Execution.Runtime;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Physical;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests;

public sealed class PipelineTests
{
    private readonly MemoryConnector _memory = new();
    private readonly JobRunner _runner;

    public PipelineTests()
    {
        var registry = new Connectors.ConnectorRegistry();
        registry.Register(_memory);
        _runner = new JobRunner(registry);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Source_calc_sink_in_three_vertices_keeps_exactly_the_true_rows(int parallelism)
    {
        _memory.Sources["events"] = [
            EventBatch([1, 2, 3, 4], [true, false, null, true], ["a", "b", "c", null]),
            EventBatch([5, 6], [false, true], ["e", "f"]),
            EventBatch([7], [null], ["g"]),
        ];
        var graph = Graph(
            [
                new JobVertex(1, "Source: events", [Source("events", Events)], parallelism),
                new JobVertex(2, "Calc", [FilterFlagProjectNameId()], parallelism),
                new JobVertex(3, "Sink: out", [Sink("out", NameId)], parallelism),
            ],
            [Edge(1, 2, ExchangeKind.Forward), Edge(2, 3, ExchangeKind.Forward)]);

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Null(handle.Failure);
        Assert.Equal(JobStatus.Finished, handle.Status);
        var rows = _memory.CommittedTo("out").SelectMany(b => Rows(b.Batch)).Select(r => $"{r[0]} {r[1] ?? "null"} {r[2]}").Order().ToList();
        Assert.Equal(["+I a 1", "+I f 6", "+I null 4"], rows);
        Assert.Equal(_memory.ReadersOpened, _memory.ReadersDisposed);
        Assert.Equal(parallelism, _memory.WritersOpened);
        Assert.Equal(parallelism, _memory.WritersDisposed);
    }

    [Fact]
    public async Task A_chained_vertex_runs_source_calc_and_sink_without_channels()
    {
        _memory.Sources["chained"] = [EventRange(0, 1000), EventRange(1000, 500)];
        var graph = Graph(
            [new JobVertex(1, "Source -> Calc -> Sink", [Source("chained", Events), FilterFlagProjectNameId(), Sink("chained-out", NameId)], 1)],
            []);

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Equal(JobStatus.Finished, handle.Status);
        var ids = _memory.CommittedTo("chained-out").SelectMany(b => Rows(b.Batch)).Select(r => (long)r[2]!).ToList();
        Assert.Equal(Enumerable.Range(0, 750).Select(i => (long)i * 2), ids);
    }

    [Fact]
    public async Task Broadcast_sends_every_row_to_every_subtask()
    {
        _memory.Sources["bc"] = [EventRange(0, 10), EventRange(10, 5)];
        var graph = Graph(
            [
                new JobVertex(1, "Source: bc", [Source("bc", Events)], 1),
                new JobVertex(2, "Sink: bc", [Sink("bc-out", Events)], 3),
            ],
            [Edge(1, 2, ExchangeKind.Broadcast)]);

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Equal(JobStatus.Finished, handle.Status);
        var committed = _memory.CommittedTo("bc-out");
        for (int subtask = 0; subtask < 3; subtask++)
        {
            var ids = committed.Where(c => c.Subtask == subtask).SelectMany(c => Rows(c.Batch)).Select(r => (long)r[1]!).ToList();
            Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), ids);
        }
    }

    [Fact]
    public async Task Rebalance_spreads_batches_round_robin_and_loses_nothing()
    {
        _memory.Sources["rb"] = [EventRange(0, 3), EventRange(3, 3), EventRange(6, 3), EventRange(9, 3)];
        var graph = Graph(
            [
                new JobVertex(1, "Source: rb", [Source("rb", Events)], 1),
                new JobVertex(2, "Sink: rb", [Sink("rb-out", Events)], 2),
            ],
            [Edge(1, 2, ExchangeKind.Rebalance)]);

        await RunToEndAsync(_runner, graph);

        var committed = _memory.CommittedTo("rb-out");
        Assert.Equal(2, committed.Count(c => c.Subtask == 0));
        Assert.Equal(2, committed.Count(c => c.Subtask == 1));
        Assert.Equal(12, committed.Sum(c => c.Batch.Length));
    }

    [Fact]
    public async Task Union_of_two_sources_passes_all_rows_and_single_edge_gathers_them()
    {
        _memory.Sources["left"] = [EventRange(0, 4), EventRange(4, 4)];
        _memory.Sources["right"] = [EventRange(100, 3)];
        var union = new UnionSpec(2, "Union", Events, Sql.Planner.Types.ChangelogMode.InsertOnly);
        var graph = Graph(
            [
                new JobVertex(1, "Source: left", [Source("left", Events)], 2),
                new JobVertex(2, "Source: right", [Source("right", Events)], 1),
                new JobVertex(3, "Union -> Sink", [union, Sink("union-out", Events)], 1),
            ],
            [Edge(1, 3, ExchangeKind.Single, 0), Edge(2, 3, ExchangeKind.Single, 1)]);

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Equal(JobStatus.Finished, handle.Status);
        var ids = _memory.CommittedTo("union-out").SelectMany(b => Rows(b.Batch)).Select(r => (long)r[1]!).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 8).Concat(Enumerable.Range(100, 3)).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task Values_are_emitted_once_by_subtask_zero()
    {
        var values = new ValuesSpec(
            [
                [new Sql.Planner.Expressions.Literal(1L, Sql.Planner.Types.SqlType.BigInt), new Sql.Planner.Expressions.Literal(true, Sql.Planner.Types.SqlType.Boolean), new Sql.Planner.Expressions.Literal("x", Sql.Planner.Types.SqlType.String)],
                [new Sql.Planner.Expressions.Literal(2L, Sql.Planner.Types.SqlType.BigInt), new Sql.Planner.Expressions.Literal(null, Sql.Planner.Types.SqlType.Boolean), new Sql.Planner.Expressions.Literal(null, Sql.Planner.Types.SqlType.String)],
            ],
            "Values", Events);
        var graph = Graph(
            [
                new JobVertex(1, "Values", [values], 2),
                new JobVertex(2, "Sink: values", [Sink("values-out", Events)], 1),
            ],
            [Edge(1, 2, ExchangeKind.Single)]);

        await RunToEndAsync(_runner, graph);

        var rows = _memory.CommittedTo("values-out").SelectMany(b => Rows(b.Batch)).Select(r => string.Join(",", r.Select(v => v?.ToString() ?? "null"))).ToList();
        Assert.Equal(["+I,1,True,x", "+I,2,null,null"], rows);
    }

    [Fact]
    public async Task Collect_sink_delivers_all_rows_and_completes_the_result_channel()
    {
        _memory.Sources["collect"] = Enumerable.Range(0, 50).Select(i => EventRange(i * 20, 20)).ToList();
        var collect = new CollectSinkSpec(Sql.Planner.Types.ChangelogMode.InsertOnly, "Collect", NameId);
        var graph = Graph(
            [
                new JobVertex(1, "Source -> Calc", [Source("collect", Events), FilterFlagProjectNameId()], 2),
                new JobVertex(2, "Collect", [collect], 1),
            ],
            [Edge(1, 2, ExchangeKind.Single)],
            ("execution.channel.capacity", "2"));

        var handle = _runner.Start(graph, "collect-job");
        var ids = new List<long>();
        await foreach (var batch in handle.Results!.ReadAllAsync())
            foreach (var row in Rows(batch)) ids.Add((long)row[2]!);
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(JobStatus.Finished, handle.Status);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i * 2), ids.Order());
    }
}
