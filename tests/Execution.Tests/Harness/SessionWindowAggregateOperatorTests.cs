using System.Globalization;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The SESSION window aggregation through the operator test harness: sessions opening, growing, merging when a row
/// bridges two, firing once when the watermark passes their end - 1, late rows dropped and counted; and random rows
/// across checkpoints restored at another parallelism and backend, against a model of Flink's merging window set.
/// </summary>
public sealed class SessionWindowAggregateOperatorTests
{
    private const long Second = 1_000_000;
    private const long Epoch = 1_700_000_000 * Second;

    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);

    private static WindowAggregateSpec Spec(TimeSpan gap) => new(
        [0],
        [new AggregateCall(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "cnt")],
        new SessionWindow(gap, [0]),
        new TimeAttributeWindowing(1, true, null),
        [WindowProperty.Start, WindowProperty.End, WindowProperty.RowTime],
        AggregatePhase.Single,
        AccumulatorLayout.None,
        ChangelogMode.InsertOnly,
        "WindowAggregate(test)",
        new RowSchema([
            new Field("k", SqlType.BigInt), new Field("cnt", SqlType.BigInt.AsNotNull()),
            new Field("window_start", SqlType.Timestamp(3).AsNotNull()), new Field("window_end", SqlType.Timestamp(3).AsNotNull()),
            new Field("window_time", SqlType.Timestamp(3).AsNotNull()),
        ]));

    private static long At(double seconds) => Epoch + (long)(seconds * Second);

    [Theory]
    [InlineData("hashmap")]
    [InlineData("rocksdb-small-cache")]
    public async Task Sessions_grow_merge_through_a_bridging_row_and_fire_once(string backend)
    {
        var metrics = new JobMetrics();
        var op = new SessionWindowAggregateOperator(Spec(TimeSpan.FromSeconds(5)), Input, metrics);
        var h = await OperatorTestHarness.OpenAsync(op, GroupAggregateRescaleTests.Backend(backend));
        // key 1: one session of two rows; key 2: two sessions 10 s apart.
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(1)), (2, At(30)), (1, At(3)), (2, At(40))]));
        await h.ProcessWatermarkAsync(At(7.999));
        Assert.Empty(h.OutputRows);
        await h.ProcessWatermarkAsync(At(8) - 1);
        Assert.Equal(["+I[1, 2, 2023-11-14T22:13:21, 2023-11-14T22:13:28, 2023-11-14T22:13:27.999]"], h.OutputRows);
        h.ClearOutput();
        // An out-of-order row at 35 s touches [30, 35) and [40, 45): one session [30, 45) of three rows.
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(2, At(35))]));
        await h.ProcessWatermarkAsync(At(39));
        Assert.Empty(h.OutputRows);
        // A row of key 1 at 4 s would open [4, 9), which already fired: late, dropped and counted. A row at 42 s joins.
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(4)), (2, At(42))]));
        Assert.Equal(1, op.LateRecordsDropped);
        Assert.Equal(1, metrics.NumLateRecordsDropped);
        await h.ProcessWatermarkAsync(At(47) - 1);
        Assert.Equal(["+I[2, 4, 2023-11-14T22:13:50, 2023-11-14T22:14:07, 2023-11-14T22:14:06.999]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessWatermarkAsync(long.MaxValue);
        Assert.Empty(h.OutputRows);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task A_row_in_the_same_batch_as_the_rows_it_bridges_merges_them_and_they_count_once()
    {
        var op = new SessionWindowAggregateOperator(Spec(TimeSpan.FromSeconds(2)), Input, new JobMetrics());
        var h = await OperatorTestHarness.OpenAsync(op, HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(7, At(10)), (7, At(19)), (7, At(14)), (7, At(17)), (7, At(12)), (7, At(16))]));
        await h.ProcessWatermarkAsync(long.MaxValue);
        Assert.Equal(["+I[7, 6, 2023-11-14T22:13:30, 2023-11-14T22:13:41, 2023-11-14T22:13:40.999]"], h.OutputRows);
        await h.DisposeAsync();
    }

    /// <summary>With rocksdb the sessions live in a bounded cache over RocksDB: a batch first evicts (written back) what
    /// does not fit, and sessions read back later still grow, merge and fire with every row.</summary>
    [Fact]
    public async Task Sessions_beyond_the_rocksdb_cache_are_evicted_and_read_back()
    {
        var op = new SessionWindowAggregateOperator(Spec(TimeSpan.FromSeconds(5)), Input, new JobMetrics());
        var h = await OperatorTestHarness.OpenAsync(op, new HarnessBackend("rocksdb", GroupCacheSize: 64));
        var table = h.Store.KeyedState.GetGroupTable("session-windows",
            new StreamSql.Execution.State.Groups.GroupTableSpec([SqlType.BigInt], Namespaced: true));
        for (int round = 0; round < 4; round++)
        {
            var rows = new List<(long K, long TsMicros)>();
            // Half the keys of a round were in the previous one (their sessions grow), half are new.
            for (int k = 500 * round; k < 500 * round + 1000; k++) rows.Add((k, At(10 + 2 * round)));
            await h.ProcessBatchAsync(TestBatches.KeyTimes(rows));
            Assert.True(table.Count <= 1100, $"{table.Count} sessions in memory after round {round}");
        }
        await h.ProcessWatermarkAsync(long.MaxValue);
        Assert.Equal(2500, h.OutputRows.Count);
        Assert.Equal(1500, h.OutputRows.Count(row => row.Contains(", 2, ", StringComparison.Ordinal)));
        Assert.Equal(1000, h.OutputRows.Count(row => row.Contains(", 1, ", StringComparison.Ordinal)));
        await h.DisposeAsync();
    }

    /// <summary>A group window over an updating input: a -U/-D row finds its session as an insert would (merging what
    /// it touches) and takes its row back out of the aggregates, as Flink's merging WindowOperator does; a session whose
    /// rows were all retracted emits nothing (Flink's RecordCounter).</summary>
    [Fact]
    public async Task A_retraction_takes_its_row_back_out_of_its_session()
    {
        var spec = Spec(TimeSpan.FromSeconds(5)) with { InputChangelog = ChangelogMode.All };
        var h = await OperatorTestHarness.OpenAsync(new SessionWindowAggregateOperator(spec, Input, new JobMetrics()), HarnessBackend.HashMap);
        var rows = TestBatches.KeyTimes([(1, At(1)), (1, At(3)), (1, At(3)), (2, At(1))]);
        await h.ProcessBatchAsync(rows);
        await h.ProcessBatchAsync(new Batches.Batch(rows.Data, [Batches.RowKind.Insert, Batches.RowKind.Insert, Batches.RowKind.UpdateBefore, Batches.RowKind.Delete]));
        await h.ProcessWatermarkAsync(long.MaxValue);
        Assert.Equal([
            "+I[1, 4, 2023-11-14T22:13:21, 2023-11-14T22:13:28, 2023-11-14T22:13:27.999]",
        ], h.OutputRows.Order(StringComparer.Ordinal).ToArray());
        await h.DisposeAsync();
    }

    public static TheoryData<string, string, string> Chains => new()
    {
        { "hashmap", "hashmap", "hashmap" },
        { "rocksdb", "hashmap", "rocksdb-incremental" },
        { "hashmap", "rocksdb-small-cache", "rocksdb" },
        { "rocksdb-small-cache", "rocksdb", "hashmap" },
    };

    /// <summary>p=1 → checkpoint → p=3 → savepoint → p=2 → end of input: every session exactly once, late rows counted.</summary>
    [Theory, MemberData(nameof(Chains))]
    public async Task Sessions_fire_exactly_once_across_rescales(string first, string second, string third)
    {
        var spec = Spec(TimeSpan.FromSeconds(2));
        var model = new Model(2 * Second);
        var checkpoints = new HarnessCheckpoints();
        var random = new Random(first.Length * 31 + second.Length * 7 + third.Length);
        var metrics = new JobMetrics();
        var emitted = new List<string>();
        long watermark = At(100);

        async Task<OperatorTestHarness[]> Open(string backend, int parallelism, HarnessCheckpoint? from)
        {
            var harnesses = new OperatorTestHarness[parallelism];
            for (int s = 0; s < parallelism; s++)
                harnesses[s] = await OperatorTestHarness.OpenAsync(new SessionWindowAggregateOperator(spec, Input, metrics),
                    GroupAggregateRescaleTests.Backend(backend), s, parallelism, restoreFrom: from);
            return harnesses;
        }

        async Task Run(OperatorTestHarness[] harnesses, int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                var rows = new List<(long K, long TsMicros)>();
                for (int i = 0; i < 150; i++) rows.Add((random.Next(60), watermark - 4 * Second + random.NextInt64(12_000) * 1000));
                model.Add(rows);
                var parts = TestBatches.Partition(TestBatches.KeyTimes(rows), harnesses.Length);
                for (int s = 0; s < harnesses.Length; s++)
                    if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
                watermark += random.NextInt64(4_000) * 1000;
                foreach (var h in harnesses) await h.ProcessWatermarkAsync(watermark);
                model.Fire(watermark);
            }
            foreach (var h in harnesses)
            {
                emitted.AddRange(h.OutputRows);
                h.ClearOutput();
            }
        }

        var phase1 = await Open(first, 1, null);
        await Run(phase1, 6);
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await GroupAggregateRescaleTests.DisposeAll(phase1);

        var phase2 = await Open(second, 3, chk1);
        await Run(phase2, 6);
        var chk2 = await checkpoints.SnapshotAsync(2, phase2, savepoint: true);
        foreach (var h in phase2)
        {
            emitted.AddRange(h.OutputRows);
            h.ClearOutput();
        }
        model.Save();
        await Run(phase2, 3);
        await GroupAggregateRescaleTests.DisposeAll(phase2);

        emitted.RemoveRange(emitted.Count - model.EmittedSinceSave, model.EmittedSinceSave);
        model.RollBack();
        var phase3 = await Open(third, 2, chk2);
        watermark = model.Watermark;
        await Run(phase3, 6);
        foreach (var h in phase3) await h.ProcessWatermarkAsync(long.MaxValue);
        model.Fire(long.MaxValue);
        foreach (var h in phase3) emitted.AddRange(h.OutputRows);
        await GroupAggregateRescaleTests.DisposeAll(phase3);

        var expected = model.Emitted.OrderBy(r => r, StringComparer.Ordinal).ToList();
        var actual = emitted.OrderBy(r => r, StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 100, $"{expected.Count} sessions");
        Assert.Equal(expected, actual);
        Assert.True(model.Late > 0, "the input has late rows");
        Assert.True(model.Merges > 0, "some rows bridge sessions");
        Assert.True(metrics.NumLateRecordsDropped >= model.Late);
    }

    /// <summary>Flink's merging window set, row by row: per key a list of disjoint sessions [start, end).</summary>
    private sealed class Model(long gap)
    {
        private Dictionary<long, List<(long Start, long End, long Count)>> _sessions = new();
        private List<string> _emitted = new();
        private long _watermark = long.MinValue;
        private (Dictionary<long, List<(long, long, long)>> Sessions, int Emitted, long Watermark, long Late)? _savepoint;

        public long Late { get; private set; }

        public long Merges { get; private set; }

        public long Watermark => _watermark;

        public IReadOnlyList<string> Emitted => _emitted;

        public void Add(List<(long K, long TsMicros)> rows)
        {
            foreach (var (k, ts) in rows)
            {
                var list = _sessions.TryGetValue(k, out var l) ? l : _sessions[k] = new();
                long start = ts, end = ts + gap, count = 1;
                var touching = list.Where(s => s.Start <= ts + gap && s.End >= ts).ToList();
                if (touching.Count == 0 && end - 1 <= _watermark)
                {
                    Late++;
                    continue;
                }
                if (touching.Count > 1) Merges++;
                foreach (var s in touching)
                {
                    list.Remove(s);
                    start = Math.Min(start, s.Start);
                    end = Math.Max(end, s.End);
                    count += s.Count;
                }
                list.Add((start, end, count));
            }
        }

        public void Fire(long watermark)
        {
            _watermark = Math.Max(_watermark, watermark);
            foreach (var (k, list) in _sessions)
            {
                foreach (var s in list.Where(s => s.End - 1 <= _watermark))
                    _emitted.Add($"+I[{k}, {s.Count}, {Time(s.Start)}, {Time(s.End)}, {Time(s.End - 1000)}]");
                list.RemoveAll(s => s.End - 1 <= _watermark);
            }
        }

        private static string Time(long micros)
        {
            var t = DateTime.UnixEpoch.AddTicks(micros * 10);
            string format = t.Millisecond != 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff" : t.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";
            return t.ToString(format, CultureInfo.InvariantCulture);
        }

        public int EmittedSinceSave => _emitted.Count - _savepoint!.Value.Emitted;

        public void Save() => _savepoint = (Copy(_sessions), _emitted.Count, _watermark, Late);

        public void RollBack()
        {
            var s = _savepoint!.Value;
            _sessions = Copy(s.Sessions);
            _emitted = _emitted.Take(s.Emitted).ToList();
            _watermark = s.Watermark;
            Late = s.Late;
        }

        private static Dictionary<long, List<(long, long, long)>> Copy(Dictionary<long, List<(long, long, long)>> from) =>
            from.ToDictionary(e => e.Key, e => e.Value.ToList());
    }
}
