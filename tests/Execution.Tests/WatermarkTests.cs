using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests;

public sealed class WatermarkTests
{
    private readonly MemoryConnector _memory = new();
    private readonly Recording _recording = new();
    private readonly JobRunner _runner;

    public WatermarkTests()
    {
        var registry = new Connectors.ConnectorRegistry();
        registry.Register(_memory);
        _runner = new JobRunner(registry);
        _runner.Operators.Register<RecordingSpec>(_ => new RecordingOperator(_recording));
    }

    private static WatermarkAssignerSpec Assigner() =>
        new(1, new InputRef(1, SqlType.Timestamp(3)), "WatermarkAssigner(rowtime=[ts])", Timed);

    [Fact]
    public void The_gate_merges_the_minimum_over_active_channels_and_never_goes_back()
    {
        var a = Channel.CreateUnbounded<StreamElement>();
        var b = Channel.CreateUnbounded<StreamElement>();
        var c = Channel.CreateUnbounded<StreamElement>();
        var ca = new InputChannel(a.Reader, 0, "a");
        var cb = new InputChannel(b.Reader, 0, "b");
        var cc = new InputChannel(c.Reader, 1, "c");
        var gate = new InputGate([ca, cb, cc]);

        Assert.Null(gate.OnWatermark(ca, 50));
        Assert.Null(gate.OnWatermark(cb, 30));
        Assert.Equal(30, gate.OnWatermark(cc, 40));
        Assert.Equal(40, gate.OnWatermark(cb, 70));
        Assert.Null(gate.OnWatermark(cb, 20));             // a channel's own watermark never goes back
        Assert.Equal(50, gate.OnIdleStatus(cc, true));     // idle channels do not hold the watermark back
        Assert.Null(gate.OnIdleStatus(cc, false));         // active again, behind: the merged watermark stays
        Assert.Equal(50, gate.CombinedWatermark);
        Assert.Null(gate.OnEnded(ca));                      // min(cb 70, cc 40) = 40 < 50
        Assert.Equal(70, gate.OnWatermark(cc, 90));
        Assert.False(gate.AllIdle);
        Assert.Equal(90, gate.OnIdleStatus(cb, true));    // only cc (90) is active
        Assert.Null(gate.OnIdleStatus(cc, true));          // all idle: the maximum among them (90) is already out
        Assert.True(gate.AllIdle);

        var x = new InputChannel(Channel.CreateUnbounded<StreamElement>().Reader, 0, "x");
        var y = new InputChannel(Channel.CreateUnbounded<StreamElement>().Reader, 0, "y");
        var second = new InputGate([x, y]);
        second.OnWatermark(y, 30);
        Assert.Equal(10, second.OnWatermark(x, 10));
        Assert.Null(second.OnIdleStatus(y, true));
        Assert.Equal(30, second.OnIdleStatus(x, true));    // all idle: move to the highest of them, as Flink does
    }

    [Fact]
    public async Task The_gate_reads_round_robin_and_treats_a_closed_channel_as_ended()
    {
        var a = Channel.CreateUnbounded<StreamElement>();
        var b = Channel.CreateUnbounded<StreamElement>();
        var gate = new InputGate([new InputChannel(a.Reader, 0, "a"), new InputChannel(b.Reader, 1, "b")]);
        Assert.False(gate.TryRead(out _, out _));
        var wait = gate.WaitAsync(long.MaxValue, SystemClock.Instance, null, CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);
        b.Writer.TryWrite(new Watermark(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(2));
        a.Writer.TryWrite(new Watermark(2));
        b.Writer.TryWrite(new Watermark(3));
        a.Writer.Complete();
        var seen = new List<string>();
        while (gate.TryRead(out var ch, out var e))
        {
            seen.Add($"{ch.Description}:{e}");
            if (e is EndOfInput) gate.OnEnded(ch);
        }
        // Alternates between channels starting at the first; each channel's own order is kept.
        Assert.Equal(["a:Watermark { Timestamp = 2 }", "b:Watermark { Timestamp = 1 }", "a:EndOfInput { }", "b:Watermark { Timestamp = 3 }"], seen);
    }

    [Fact]
    public async Task The_assigner_emits_the_maximum_so_far_and_the_source_ends_with_the_max_watermark()
    {
        _memory.Sources["timed"] = [
            TimedBatch([1, 2], [5_000, 3_000]),
            TimedBatch([3], [2_000]),
            TimedBatch([4, 5], [9_000, 1_000]),
        ];
        var graph = Graph(
            [
                new JobVertex(1, "Source -> WatermarkAssigner", [Source("timed", Timed), Assigner()], 1),
                new JobVertex(2, "Recorder -> Sink", [new RecordingSpec("Recorder", Timed), Sink("timed-out", Timed)], 1),
            ],
            [Edge(1, 2, ExchangeKind.Forward)],
            ("pipeline.auto-watermark-interval", "0"));

        var handle = await RunToEndAsync(_runner, graph);

        Assert.Equal(JobStatus.Finished, handle.Status);
        Assert.Equal([5_000L, 9_000L, long.MaxValue], _recording.Watermarks);
        Assert.Equal(1, _recording.EndOfInputs);
        Assert.Equal(5, _memory.CommittedTo("timed-out").Sum(b => b.Batch.Length));
    }

    [Theory]
    [InlineData(ExchangeKind.Forward, false)]
    [InlineData(ExchangeKind.Rebalance, true)]
    public async Task Split_information_crosses_a_forward_edge_only(ExchangeKind edge, bool wholeBatches)
    {
        _memory.Sources["split"] = [TimedBatch([1, 2], [5_000, 3_000]), TimedBatch([3], [9_000])];
        var graph = Graph(
            [
                new JobVertex(1, "Source", [Source("split", Timed, ("splits", "a,b"))], 1),
                new JobVertex(2, "WatermarkAssigner -> Recorder -> Sink", [Assigner(), new RecordingSpec("Recorder", Timed), Sink("split-out", Timed)], 1),
            ],
            [Edge(1, 2, edge)],
            ("pipeline.auto-watermark-interval", "0"));

        var handle = await RunToEndAsync(_runner, graph);

        // Forward: split b never had a row and holds the watermark back until the end of input. Elsewhere the splits of
        // several source subtasks could mix, so the assigner sees whole batches.
        Assert.Equal(JobStatus.Finished, handle.Status);
        Assert.Equal(wholeBatches ? [5_000L, 9_000L, long.MaxValue] : [long.MaxValue], _recording.Watermarks);
    }

    [Fact]
    public async Task A_restored_assigner_starts_from_the_watermark_it_had_emitted_not_from_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "streamsql-wm-" + Guid.NewGuid().ToString("N"));
        try
        {
            _memory.Sources["timed"] = [TimedBatch([1, 2], [5_000, 9_000])];
            JobGraph Job(bool unbounded) => Graph(
                [
                    new JobVertex(1, "Source -> WatermarkAssigner",
                        [Source("timed", Timed, unbounded ? [("unbounded", "true")] : []) with { StableId = "src" }, Assigner() with { StableId = "wm" }], 1),
                    new JobVertex(2, "Recorder -> Sink", [new RecordingSpec("Recorder", Timed) with { StableId = "rec" }, Sink("timed-out", Timed) with { StableId = "sink" }], 1),
                ],
                [Edge(1, 2, ExchangeKind.Forward)],
                ("pipeline.auto-watermark-interval", "0"), ("execution.checkpointing.interval", "1h"),
                ("state.savepoints.dir", Path.Combine(dir, "savepoints")), ("state.checkpoints.dir", Path.Combine(dir, "checkpoints")));

            var first = _runner.Start(Job(unbounded: true), "before");
            await WaitUntilAsync(() => _recording.Watermarks.Contains(9_000));
            var savepoint = await first.StopWithSavepointAsync(null).WaitAsync(TimeSpan.FromSeconds(30));
            await first.Completion.WaitAsync(TimeSpan.FromSeconds(30));

            // After the restore a row older than the watermark arrives first: in an uninterrupted run it is late, and
            // the watermark does not go back to it.
            _recording.Watermarks.Clear(); // ConcurrentQueue.Clear
            _memory.Sources["timed"] = [TimedBatch([1, 2], [5_000, 9_000]), TimedBatch([3], [1_000]), TimedBatch([4], [12_000])];
            var second = _runner.Start(Job(unbounded: false), "after", new JobStartOptions { RestorePath = savepoint.Path });
            await second.Completion.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Null(second.Failure);
            Assert.Equal([9_000L, 12_000L, long.MaxValue], _recording.Watermarks);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_union_sees_the_minimum_watermark_of_its_inputs()
    {
        _memory.Sources["fast"] = [TimedBatch([1], [50_000]), TimedBatch([2], [90_000])];
        _memory.Sources["slow"] = [TimedBatch([3], [20_000])];
        var graph = Graph(
            [
                new JobVertex(1, "Source: fast", [Source("fast", Timed), Assigner()], 1),
                new JobVertex(2, "Source: slow", [Source("slow", Timed, ("unbounded", "true")), Assigner()], 1),
                new JobVertex(3, "Union -> Recorder", [new UnionSpec(2, "Union", Timed, ChangelogMode.InsertOnly), new RecordingSpec("Recorder", Timed)], 1),
            ],
            [Edge(1, 3, ExchangeKind.Forward, 0), Edge(2, 3, ExchangeKind.Forward, 1)],
            ("pipeline.auto-watermark-interval", "0"));

        var handle = _runner.Start(graph, "union-watermarks");
        // The fast input ends (with the max watermark); the slow one stays at 20 000 and holds the union back.
        await WaitUntilAsync(() => _recording.Watermarks.Contains(20_000));
        await Task.Delay(50);
        handle.Cancel();
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(3));

        Assert.Equal([20_000L], _recording.Watermarks);
        Assert.Equal(3, _recording.Inputs.Count);
    }

    [Fact]
    public async Task With_an_interval_the_assigner_emits_periodically_while_the_source_waits()
    {
        _memory.Sources["periodic"] = [TimedBatch([1], [7_000])];
        var graph = Graph(
            [
                new JobVertex(1, "Source -> WatermarkAssigner -> Recorder",
                    [Source("periodic", Timed, ("unbounded", "true")), Assigner(), new RecordingSpec("Recorder", Timed)], 1),
            ],
            [],
            ("pipeline.auto-watermark-interval", "30 ms"));

        var handle = _runner.Start(graph, "periodic");
        await WaitUntilAsync(() => _recording.Watermarks.Contains(7_000));
        handle.Cancel();
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Equal([7_000L], _recording.Watermarks);
    }

    [Fact]
    public async Task An_idle_source_stops_holding_back_the_watermark_after_the_idle_timeout()
    {
        _memory.Sources["busy"] = [TimedBatch([1], [50_000])];
        // An empty first batch keeps the quiet reader idling forever; with no batches at all it would end, and its end
        // (the final watermark) would race the idle timeout.
        _memory.Sources["quiet"] = [TimedBatch([], [])];
        var graph = Graph(
            [
                new JobVertex(1, "Source: busy", [Source("busy", Timed, ("unbounded", "true")), Assigner()], 1),
                new JobVertex(2, "Source: quiet", [Source("quiet", Timed, ("unbounded", "true")), Assigner()], 1),
                new JobVertex(3, "Union -> Recorder", [new UnionSpec(2, "Union", Timed, ChangelogMode.InsertOnly), new RecordingSpec("Recorder", Timed)], 1),
            ],
            [Edge(1, 3, ExchangeKind.Forward, 0), Edge(2, 3, ExchangeKind.Forward, 1)],
            ("pipeline.auto-watermark-interval", "0"), ("table.exec.source.idle-timeout", "50 ms"));

        var handle = _runner.Start(graph, "idle-source");
        await WaitUntilAsync(() => _recording.Watermarks.Contains(50_000));
        handle.Cancel();
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Equal([50_000L], _recording.Watermarks);
    }

    [Fact]
    public async Task Operators_chained_to_a_source_learn_when_it_goes_idle()
    {
        // A source subtask without data (a Kafka subtask without partitions) goes idle after the idle timeout: besides
        // downstream, its chained operators (a sink whose partition committer must leave it out) are told.
        _memory.Sources["quiet"] = [TimedBatch([], [])];
        var graph = Graph(
            [new JobVertex(1, "Source: quiet -> Recorder", [Source("quiet", Timed, ("unbounded", "true")), Assigner(), new RecordingSpec("Recorder", Timed)], 1)],
            [],
            ("pipeline.auto-watermark-interval", "0"), ("table.exec.source.idle-timeout", "50 ms"));

        var handle = _runner.Start(graph, "idle-chain");
        await WaitUntilAsync(() => _recording.IdleStatuses.Contains(true));
        handle.Cancel();
        await handle.Completion.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Equal([true], _recording.IdleStatuses);
    }
}
