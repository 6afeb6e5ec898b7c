using System.Buffers.Binary;
using System.Text;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests.Checkpointing;

/// <summary>
/// Keyed state through the runtime: an operator counting rows per key (the way stateful SQL operators will use the state
/// API) is stopped with a savepoint, then restored at another parallelism and with either backend; the counts go on
/// from where they were, each key in the subtask that owns its key group now.
/// </summary>
public sealed class KeyedStateRecoveryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-keyed-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Counts rows per name; at end of input emits (name, count) for every key its subtask owns.</summary>
    private sealed record CountByNameSpec() : OperatorSpec("CountByName", NameId, ChangelogMode.InsertOnly);

    private sealed class CountByName : StreamOperatorBase
    {
        private readonly KeySerializer _keys = new([2]);
        private int[] _keyGroups = new int[1024];

        public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
        {
            var keyed = Context.State.KeyedState;
            var data = batch.Data;
            if (_keyGroups.Length < batch.Length) _keyGroups = new int[batch.Length];
            _keys.ComputeKeyGroups(data, Context.MaxParallelism, _keyGroups);
            var names = (StringArray)data.Column(2);
            Span<byte> count = stackalloc byte[8];
            for (int row = 0; row < batch.Length; row++)
            {
                Assert.True(keyed.KeyGroupRange.Contains(_keyGroups[row]), "a row reached a subtask that does not own its key group");
                keyed.SetCurrentKey(_keys.Serialize(data, row), _keyGroups[row]);
                var state = keyed.GetValueState("count");
                long current = state.Value() is { } v ? BinaryPrimitives.ReadInt64LittleEndian(v) : 0;
                BinaryPrimitives.WriteInt64LittleEndian(count, current + 1);
                state.Update(count);
                keyed.GetValueState("name").Update(Encoding.UTF8.GetBytes(names.GetString(row)));
            }
            return default;
        }

        public override async ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
        {
            var keyed = Context.State.KeyedState;
            var names = new StringArray.Builder();
            var counts = new Int64Array.Builder();
            foreach (var (keyGroup, key) in keyed.Keys("count").ToList())
            {
                keyed.SetCurrentKey(key, keyGroup);
                names.Append(Encoding.UTF8.GetString(keyed.GetValueState("name").Value()!));
                counts.Append(BinaryPrimitives.ReadInt64LittleEndian(keyed.GetValueState("count").Value()!));
            }
            var data = new RecordBatch(StreamSql.Execution.Types.ArrowTypeMapping.ToArrowSchema(NameId), [names.Build(), counts.Build()], counts.Length);
            await output.EmitAsync(new Batch(data), cancellationToken);
        }
    }

    private static RecordBatch Names(int from, int count)
    {
        var ids = new long[count];
        var flags = new bool?[count];
        var names = new string?[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = from + i;
            flags[i] = true;
            names[i] = "k" + ((from + i) % 37);
        }
        return EventBatch(ids, flags, names);
    }

    private JobGraph CountingGraph(int parallelism, string backend, bool unbounded)
    {
        (string, string)[] sourceOptions = unbounded ? [("unbounded", "true")] : [];
        var source = new JobVertex(0, "Source", [Source("names", Events, sourceOptions) with { StableId = "source" }], 1);
        var count = new JobVertex(1, "Count", [new CountByNameSpec() { StableId = "count" }, Sink("counts", NameId) with { StableId = "sink" }], parallelism);
        return Graph([source, count], [Edge(0, 1, ExchangeKind.Hash, 0, 2)],
            ("state.backend.type", backend), ("execution.checkpointing.interval", "100ms"),
            ("state.checkpoints.dir", Path.Combine(_dir, "checkpoints")), ("state.savepoints.dir", Path.Combine(_dir, "savepoints")));
    }

    private static JobRunner Runner(MemoryConnector memory)
    {
        var connectors = new ConnectorRegistry();
        connectors.Register(memory);
        var runner = new JobRunner(connectors, standardOutput: TextWriter.Null, diagnostics: TextWriter.Null);
        runner.Operators.Register<CountByNameSpec>(_ => new CountByName());
        return runner;
    }

    [Theory]
    [InlineData("hashmap", 2, 3)]
    [InlineData("hashmap", 3, 1)]
    [InlineData("rocksdb", 2, 3)]
    [InlineData("rocksdb", 1, 2)]
    public async Task Keyed_state_resumes_at_another_parallelism(string backend, int before, int after)
    {
        var memory = new MemoryConnector();
        var batches = new List<RecordBatch>();
        for (int b = 0; b < 20; b++) batches.Add(Names(b * 500, 500));
        memory.Sources["names"] = batches;

        var first = Runner(memory).Start(CountingGraph(before, backend, unbounded: true), "first");
        // All 20 batches are read long before this; the savepoint is taken after them.
        await Task.Delay(300);
        var savepoint = await first.StopWithSavepointAsync(null);
        await first.Completion;
        Assert.Equal(JobStatus.Finished, first.Status);
        Assert.Empty(memory.CommittedTo("counts"));

        var second = Runner(memory).Start(CountingGraph(after, backend, unbounded: false), "second", new JobStartOptions { RestorePath = savepoint.Path });
        await second.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(second.Failure);

        var counts = new Dictionary<string, long>();
        var subtasks = new HashSet<int>();
        foreach (var (subtask, batch) in memory.CommittedTo("counts"))
        {
            subtasks.Add(subtask);
            foreach (var row in Rows(batch)) counts.Add((string)row[1]!, (long)row[2]!);
        }
        var expected = Enumerable.Range(0, 10_000).GroupBy(i => "k" + (i % 37)).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), counts.OrderBy(e => e.Key));
        Assert.True(subtasks.Count == Math.Min(after, 37) || after > 1 && subtasks.Count > 1, $"keys spread over {subtasks.Count} of {after} subtasks");
    }
}
