using System.Globalization;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The window aggregation operator through the operator test harness: random rows (some late) in batches, watermarks,
/// checkpoints restored at another parallelism and on another backend, and the exact rows every fired window emits,
/// against a model computed here (per key and window, the count of rows that were on time).
/// </summary>
public sealed class WindowAggregateOperatorTests
{
    private const long Second = 1_000_000;

    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);

    private static WindowAggregateSpec Spec(WindowSpec window) => new(
        [0],
        [new AggregateCall(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "cnt")],
        window,
        new TimeAttributeWindowing(1, true, null),
        [WindowProperty.Start, WindowProperty.End],
        AggregatePhase.Single,
        AccumulatorLayout.None,
        ChangelogMode.InsertOnly,
        "WindowAggregate(test)",
        new RowSchema([
            new Field("k", SqlType.BigInt), new Field("cnt", SqlType.BigInt.AsNotNull()),
            new Field("window_start", SqlType.Timestamp(3).AsNotNull()), new Field("window_end", SqlType.Timestamp(3).AsNotNull()),
        ]));

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "tumble", "hashmap", "hashmap", "hashmap" },
        { "tumble", "rocksdb", "hashmap", "rocksdb-incremental" },
        { "hop", "hashmap", "rocksdb", "hashmap" },
        { "hop", "rocksdb-small-cache", "rocksdb", "hashmap" },
        { "cumulate", "rocksdb", "rocksdb", "rocksdb" },
        { "cumulate", "hashmap", "rocksdb-incremental", "hashmap" },
    };

    private static WindowSpec Window(string kind) => kind switch
    {
        "tumble" => new TumbleWindow(TimeSpan.FromSeconds(10), null),
        "hop" => new HopWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), null),
        _ => new CumulateWindow(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), null),
    };

    /// <summary>p=1 → checkpoint → p=3 → savepoint → p=2 → end of input: every window's rows exactly once, late rows counted.</summary>
    [Theory, MemberData(nameof(Cases))]
    public async Task Windows_fire_exactly_once_across_rescales(string kind, string first, string second, string third)
    {
        var spec = Spec(Window(kind));
        var model = new Model(SliceAssigner.For(spec.Window));
        var checkpoints = new HarnessCheckpoints();
        var random = new Random(kind.Length * 31 + first.Length);
        var metrics = new JobMetrics();
        var emitted = new List<string>();
        long watermark = 100 * Second;

        async Task<OperatorTestHarness[]> Open(string backend, int parallelism, HarnessCheckpoint? from)
        {
            var harnesses = new OperatorTestHarness[parallelism];
            for (int s = 0; s < parallelism; s++)
                harnesses[s] = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(spec, Input, metrics),
                    GroupAggregateRescaleTests.Backend(backend), s, parallelism, restoreFrom: from);
            return harnesses;
        }

        async Task Run(OperatorTestHarness[] harnesses, int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                var rows = new List<(long K, long TsMicros)>();
                for (int i = 0; i < 200; i++) rows.Add((random.Next(40), watermark - 12 * Second + random.NextInt64(20 * Second)));
                model.Add(rows, watermark);
                var parts = TestBatches.Partition(TestBatches.KeyTimes(rows), harnesses.Length);
                for (int s = 0; s < harnesses.Length; s++)
                    if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
                watermark += random.NextInt64(8 * Second);
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
        // What phase 2 emitted after the savepoint is not part of the story: it is thrown away with the failed run.
        await Run(phase2, 3);
        await GroupAggregateRescaleTests.DisposeAll(phase2);

        // Resume from the savepoint: the rows and windows after it happen again.
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
        Assert.True(expected.Count > 100, $"{expected.Count} window results");
        Assert.Equal(expected, actual);
        Assert.True(model.Late > 0, "the input has late rows");
        Assert.True(metrics.NumLateRecordsDropped >= model.Late); // the rolled-back run's late rows count too
    }

    /// <summary>
    /// A hashmap snapshot stays as it was captured while the operator goes on before the snapshot is written (the
    /// asynchronous part runs later): HOP windows fire, merge their slices into new groups and drop expired slices, reusing
    /// group indexes, over thousands of keys (several copy-on-write pages). A run restored from that snapshot and fed the same
    /// later input emits exactly what the original emitted after the snapshot.
    /// </summary>
    [Theory]
    [InlineData("hop", 1)]
    [InlineData("hop", 2)]
    [InlineData("cumulate", 2)]
    public async Task Snapshot_written_after_windows_fired_restores_the_captured_state(string kind, int restoredParallelism)
    {
        var spec = Spec(kind == "hop" ? new HopWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), null) : Window(kind));
        var random = new Random(7);
        long watermark = 100 * Second;
        var steps = new List<(Batch Rows, long Watermark)>();
        for (int r = 0; r < 24; r++)
        {
            var rows = new List<(long K, long TsMicros)>();
            for (int i = 0; i < 3000; i++) rows.Add((random.Next(9000), watermark + random.NextInt64(6 * Second)));
            watermark += 2 * Second;
            steps.Add((TestBatches.KeyTimes(rows), watermark));
        }

        var original = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(spec, Input, new JobMetrics()), HarnessBackend.HashMap);
        for (int r = 0; r < 12; r++)
        {
            await original.ProcessBatchAsync(steps[r].Rows);
            await original.ProcessWatermarkAsync(steps[r].Watermark);
        }
        var captured = await original.SnapshotAsync(1);
        original.ClearOutput();
        for (int r = 12; r < steps.Count; r++)
        {
            await original.ProcessBatchAsync(steps[r].Rows);
            await original.ProcessWatermarkAsync(steps[r].Watermark);
        }
        await original.ProcessWatermarkAsync(long.MaxValue);
        var expected = original.OutputRows.OrderBy(r => r, StringComparer.Ordinal).ToList();
        var checkpoint = new HarnessCheckpoints().Complete(1, [captured]);
        await original.DisposeAsync();

        var restored = new OperatorTestHarness[restoredParallelism];
        for (int s = 0; s < restoredParallelism; s++)
            restored[s] = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(spec, Input, new JobMetrics()), HarnessBackend.HashMap,
                s, restoredParallelism, restoreFrom: checkpoint);
        for (int r = 12; r < steps.Count; r++)
        {
            var parts = TestBatches.Partition(steps[r].Rows, restoredParallelism);
            for (int s = 0; s < restoredParallelism; s++)
                if (parts[s].Length > 0) await restored[s].ProcessBatchAsync(parts[s]);
            foreach (var h in restored) await h.ProcessWatermarkAsync(steps[r].Watermark);
        }
        foreach (var h in restored) await h.ProcessWatermarkAsync(long.MaxValue);
        var actual = restored.SelectMany(h => h.OutputRows).OrderBy(r => r, StringComparer.Ordinal).ToList();
        await GroupAggregateRescaleTests.DisposeAll(restored);

        Assert.True(expected.Count > 10_000, $"{expected.Count} window results");
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// Flink does not emit a window whose rows were all retracted (its processors skip a window whose COUNT(*) accumulator,
    /// added for an updating input, is 0): no <c>+I[k, 0, ...]</c> row. A HOP window that still holds a row of another slice
    /// is emitted.
    /// </summary>
    [Theory]
    [InlineData("tumble", "hashmap")]
    [InlineData("tumble", "rocksdb")]
    [InlineData("hop", "hashmap")]
    public async Task A_window_whose_rows_were_all_retracted_emits_nothing(string kind, string backend)
    {
        var window = kind == "tumble" ? new TumbleWindow(TimeSpan.FromSeconds(10), null) : (WindowSpec)new HopWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), null);
        var spec = Spec(window) with { InputChangelog = ChangelogMode.All };
        await using var h = await OperatorTestHarness.OpenAsync(new WindowAggregateOperator(spec, Input, new JobMetrics()), GroupAggregateRescaleTests.Backend(backend));
        var batch = TestBatches.KeyTimes([(1, 101 * Second), (2, 102 * Second), (1, 101 * Second), (3, 106 * Second), (3, 106 * Second),
            (4, 101 * Second), (4, 107 * Second), (4, 107 * Second)]);
        await h.ProcessBatchAsync(new Batch(batch.Data, [RowKind.Insert, RowKind.Insert, RowKind.Delete, RowKind.Insert, RowKind.UpdateBefore,
            RowKind.Insert, RowKind.Insert, RowKind.Delete]));
        await h.ProcessWatermarkAsync(long.MaxValue);
        var rows = h.OutputRows.OrderBy(r => r, StringComparer.Ordinal).ToList();
        if (kind == "tumble") Assert.Equal(["+I[2, 1, 1970-01-01T00:01:40, 1970-01-01T00:01:50]", "+I[4, 1, 1970-01-01T00:01:40, 1970-01-01T00:01:50]"], rows);
        else
            Assert.Equal([
                "+I[2, 1, 1970-01-01T00:01:35, 1970-01-01T00:01:45]", "+I[2, 1, 1970-01-01T00:01:40, 1970-01-01T00:01:50]",
                "+I[4, 1, 1970-01-01T00:01:35, 1970-01-01T00:01:45]", "+I[4, 1, 1970-01-01T00:01:40, 1970-01-01T00:01:50]",
            ], rows);
    }

    /// <summary>The operator's contract computed row by row: a row is late when the last window holding its slice fired.</summary>
    private sealed class Model(SliceAssigner assigner)
    {
        private Dictionary<(long Key, long Slice), long> _counts = new();
        private List<string> _emitted = new();
        private long _watermark = long.MinValue;
        private (Dictionary<(long, long), long> Counts, int Emitted, long Watermark, long Late)? _savepoint;
        private readonly HashSet<long> _fired = new();
        private HashSet<long> _firedAtSavepoint = new();

        public long Late { get; private set; }

        public long Watermark => _watermark;

        public IReadOnlyList<string> Emitted => _emitted;

        public void Add(List<(long K, long TsMicros)> rows, long watermark)
        {
            foreach (var (k, ts) in rows)
            {
                long slice = assigner.SliceEnd(ts);
                if (assigner.LastWindowEnd(slice) - 1 <= _watermark)
                {
                    Late++;
                    continue;
                }
                _counts[(k, slice)] = _counts.GetValueOrDefault((k, slice)) + 1;
            }
        }

        public void Fire(long watermark)
        {
            _watermark = Math.Max(_watermark, watermark);
            var ends = new SortedSet<long>();
            foreach (var (_, slice) in _counts.Keys)
                for (long end = slice; end <= assigner.LastWindowEnd(slice); end = assigner.NextSliceEnd(end))
                    if (end - 1 <= _watermark && !_fired.Contains(end)) ends.Add(end);
            var slices = new long[assigner.SlicesPerWindow + 1];
            foreach (long end in ends)
            {
                _fired.Add(end);
                int n = assigner.SlicesOf(end, slices);
                var perKey = new SortedDictionary<long, long>();
                foreach (var ((k, slice), c) in _counts)
                    for (int i = 0; i < n; i++)
                        if (slices[i] == slice) perKey[k] = perKey.GetValueOrDefault(k) + c;
                foreach (var (k, c) in perKey)
                    _emitted.Add($"+I[{k}, {c}, {Time(assigner.WindowStart(end))}, {Time(end)}]");
            }
        }

        /// <summary>Java's LocalDateTime text, as the print connector shows it (seconds left out when zero).</summary>
        private static string Time(long micros)
        {
            var t = DateTime.UnixEpoch.AddTicks(micros * 10);
            return t.ToString(t.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }

        public int EmittedSinceSave => _emitted.Count - _savepoint!.Value.Emitted;

        public void Save()
        {
            _savepoint = (new Dictionary<(long, long), long>(_counts), _emitted.Count, _watermark, Late);
            _firedAtSavepoint = new HashSet<long>(_fired);
        }

        public void RollBack()
        {
            var s = _savepoint!.Value;
            _counts = new Dictionary<(long, long), long>(s.Counts);
            _emitted = _emitted.Take(s.Emitted).ToList();
            _watermark = s.Watermark;
            Late = s.Late;
            _fired.Clear();
            _fired.UnionWith(_firedAtSavepoint);
        }
    }
}
