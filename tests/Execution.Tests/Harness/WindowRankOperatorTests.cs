using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The window Top-N operator through the operator test harness: random rows carrying their window end (some late) in
/// batches, watermarks, checkpoints restored at other parallelisms and on other backends, and the exact rows every fired
/// window emits, against a model computed here (per key and window, the on-time rows ranked by v descending, ties by
/// arrival; the top 2 with their rank).
/// </summary>
public sealed class WindowRankOperatorTests
{
    private const long Second = 1_000_000;
    private const long Size = 10 * Second;

    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt), new Field("window_end", SqlType.Timestamp(3).AsNotNull())]);

    private static readonly Schema ArrowInput = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("v").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("window_end").DataType(new TimestampType(TimeUnit.Microsecond, (string?)null)).Nullable(false))
        .Build();

    private static WindowRankSpec Spec(bool tiesReplace) => new(
        [0], [new RankOrderKey(1, Descending: true, NullsFirst: false)], 1, 2, OutputRankNumber: true, tiesReplace,
        new WindowAttachedWindowing(-1, 2, true), "WindowRank(test)",
        new RowSchema([.. Input.Fields, new Field("rn", SqlType.BigInt.AsNotNull())]));

    private static Batch Rows(IReadOnlyList<(long K, long V, long End)> rows)
    {
        var k = new Int64Array.Builder();
        var v = new Int64Array.Builder();
        var end = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
        foreach (var row in rows)
        {
            k.Append(row.K);
            v.Append(row.V);
            end.Append(DateTimeOffset.UnixEpoch.AddTicks(row.End * 10));
        }
        return new Batch(new RecordBatch(ArrowInput, [k.Build(), v.Build(), end.Build()], rows.Count));
    }

    [Theory]
    [InlineData("hashmap", "rocksdb", "hashmap", false)]
    [InlineData("rocksdb", "hashmap", "rocksdb-incremental", true)]
    public async Task Windows_fire_their_top_rows_exactly_once_across_rescales(string first, string second, string third, bool tiesReplace)
    {
        var spec = Spec(tiesReplace);
        var random = new Random(first.Length * 17 + third.Length);
        var metrics = new JobMetrics();
        var checkpoints = new HarnessCheckpoints();
        var pending = new Dictionary<(long K, long End), List<long>>();
        var expected = new List<string>();
        var emitted = new List<string>();
        long watermark = 100 * Second, late = 0;

        async Task<OperatorTestHarness[]> Open(string backend, int parallelism, HarnessCheckpoint? from)
        {
            var harnesses = new OperatorTestHarness[parallelism];
            for (int s = 0; s < parallelism; s++)
                harnesses[s] = await OperatorTestHarness.OpenAsync(new WindowRankOperator(spec, Input, metrics),
                    GroupAggregateRescaleTests.Backend(backend), s, parallelism, restoreFrom: from);
            return harnesses;
        }

        void Fire(long at)
        {
            foreach (var window in pending.Where(w => w.Key.End - 1 <= at).ToList())
            {
                // Stable: ties keep arrival order, or (a later row winning a tie) the reverse.
                var ranked = (tiesReplace ? Enumerable.Reverse(window.Value) : window.Value).OrderByDescending(v => v).Take(2).ToList();
                for (int i = 0; i < ranked.Count; i++)
                    expected.Add($"+I[{window.Key.K}, {ranked[i]}, {Time(window.Key.End)}, {i + 1}]");
                pending.Remove(window.Key);
            }
        }

        async Task Run(OperatorTestHarness[] harnesses, int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                var rows = new List<(long K, long V, long End)>();
                for (int i = 0; i < 200; i++)
                {
                    long time = watermark - 12 * Second + random.NextInt64(30 * Second);
                    // Few distinct values, so ties are common.
                    rows.Add((random.Next(30), random.Next(12), time / Size * Size + Size));
                }
                foreach (var (k, v, end) in rows)
                {
                    if (end - 1 <= watermark) { late++; continue; }
                    if (!pending.TryGetValue((k, end), out var values)) pending[(k, end)] = values = new();
                    values.Add(v);
                }
                var parts = TestBatches.Partition(Rows(rows), harnesses.Length);
                for (int s = 0; s < harnesses.Length; s++)
                    if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
                watermark += random.NextInt64(8 * Second);
                foreach (var h in harnesses) await h.ProcessWatermarkAsync(watermark);
                Fire(watermark);
            }
            foreach (var h in harnesses)
            {
                emitted.AddRange(h.OutputRows);
                h.ClearOutput();
            }
        }

        var phase1 = await Open(first, 1, null);
        await phase1[0].ProcessWatermarkAsync(watermark);
        await Run(phase1, 6);
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await GroupAggregateRescaleTests.DisposeAll(phase1);

        var phase2 = await Open(second, 3, chk1);
        await Run(phase2, 6);
        var chk2 = await checkpoints.SnapshotAsync(2, phase2);
        await GroupAggregateRescaleTests.DisposeAll(phase2);

        // Restored at p=2 with windows still open: the end of input fires them.
        var phase3 = await Open(third, 2, chk2);
        await Run(phase3, 4);
        foreach (var h in phase3) await h.ProcessWatermarkAsync(long.MaxValue);
        Fire(long.MaxValue);
        foreach (var h in phase3) emitted.AddRange(h.OutputRows);
        await GroupAggregateRescaleTests.DisposeAll(phase3);

        Assert.True(expected.Count > 100, $"{expected.Count} ranked rows");
        Assert.Equal(expected.Order(StringComparer.Ordinal), emitted.Order(StringComparer.Ordinal));
        Assert.True(late > 0, "the input has late rows");
        Assert.Equal(late, metrics.NumLateRecordsDropped);
    }

    private static readonly RowSchema SessionInput = new([new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt),
        new Field("window_start", SqlType.Timestamp(3).AsNotNull()), new Field("window_end", SqlType.Timestamp(3).AsNotNull())]);

    private static readonly Schema ArrowSessionInput = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("v").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("window_start").DataType(new TimestampType(TimeUnit.Microsecond, (string?)null)).Nullable(false))
        .Field(f => f.Name("window_end").DataType(new TimestampType(TimeUnit.Microsecond, (string?)null)).Nullable(false))
        .Build();

    /// <summary>
    /// A window Top-N over SESSION windows (the planner keys it by the partition keys and window_start, the namespace being
    /// window_end): sessions of one key that end together but start apart rank apart, and their rows and timers survive
    /// restores at parallelism 1, 3 and 2 on the three backends, against a model keyed by (k, start, end).
    /// </summary>
    [Fact]
    public async Task Sessions_ending_together_rank_apart_across_rescales()
    {
        var spec = new WindowRankSpec([0, 2], [new RankOrderKey(1, Descending: true, NullsFirst: false)], 1, 2, OutputRankNumber: true, TiesReplace: false,
            new WindowAttachedWindowing(2, 3, true), "WindowRank(session)", new RowSchema([.. SessionInput.Fields, new Field("rn", SqlType.BigInt.AsNotNull())]));
        var random = new Random(20261204);
        var metrics = new JobMetrics();
        var checkpoints = new HarnessCheckpoints();
        var pending = new Dictionary<(long K, long Start, long End), List<long>>();
        var expected = new List<string>();
        var emitted = new List<string>();
        long watermark = 100 * Second;

        async Task<OperatorTestHarness[]> Open(string backend, int parallelism, HarnessCheckpoint? from)
        {
            var harnesses = new OperatorTestHarness[parallelism];
            for (int s = 0; s < parallelism; s++)
                harnesses[s] = await OperatorTestHarness.OpenAsync(new WindowRankOperator(spec, SessionInput, metrics),
                    GroupAggregateRescaleTests.Backend(backend), s, parallelism, restoreFrom: from);
            return harnesses;
        }

        async Task Run(OperatorTestHarness[] harnesses, int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                var k = new Int64Array.Builder();
                var v = new Int64Array.Builder();
                var start = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
                var end = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
                int n = 150;
                for (int i = 0; i < n; i++)
                {
                    // Few keys, ends on whole seconds ahead of the watermark, starts 1..3 s before: many sessions share an end.
                    long key = random.Next(4), value = random.Next(20);
                    long windowEnd = (watermark / Second + 1 + random.Next(6)) * Second, windowStart = windowEnd - (1 + random.Next(3)) * Second;
                    k.Append(key);
                    v.Append(value);
                    start.Append(DateTimeOffset.UnixEpoch.AddTicks(windowStart * 10));
                    end.Append(DateTimeOffset.UnixEpoch.AddTicks(windowEnd * 10));
                    if (!pending.TryGetValue((key, windowStart, windowEnd), out var values)) pending[(key, windowStart, windowEnd)] = values = new();
                    values.Add(value);
                }
                var batch = new Batch(new RecordBatch(ArrowSessionInput, [k.Build(), v.Build(), start.Build(), end.Build()], n));
                var parts = TestBatches.Partition(batch, harnesses.Length, keys: [0, 2]);
                for (int s = 0; s < harnesses.Length; s++)
                    if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
                watermark += random.NextInt64(3 * Second);
                foreach (var h in harnesses) await h.ProcessWatermarkAsync(watermark);
                foreach (var window in pending.Where(w => w.Key.End - 1 <= watermark).ToList())
                {
                    var ranked = window.Value.OrderByDescending(x => x).Take(2).ToList();
                    for (int i = 0; i < ranked.Count; i++)
                        expected.Add($"+I[{window.Key.K}, {ranked[i]}, {Time(window.Key.Start)}, {Time(window.Key.End)}, {i + 1}]");
                    pending.Remove(window.Key);
                }
            }
            foreach (var h in harnesses)
            {
                emitted.AddRange(h.OutputRows);
                h.ClearOutput();
            }
        }

        var phase1 = await Open("hashmap", 1, null);
        await phase1[0].ProcessWatermarkAsync(watermark);
        await Run(phase1, 5);
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await GroupAggregateRescaleTests.DisposeAll(phase1);
        var phase2 = await Open("rocksdb", 3, chk1);
        await Run(phase2, 5);
        var chk2 = await checkpoints.SnapshotAsync(2, phase2);
        await GroupAggregateRescaleTests.DisposeAll(phase2);
        var phase3 = await Open("rocksdb-incremental", 2, chk2);
        await Run(phase3, 3);
        watermark = long.MaxValue - 1;
        foreach (var h in phase3) await h.ProcessWatermarkAsync(watermark);
        foreach (var window in pending.ToList())
        {
            var ranked = window.Value.OrderByDescending(x => x).Take(2).ToList();
            for (int i = 0; i < ranked.Count; i++)
                expected.Add($"+I[{window.Key.K}, {ranked[i]}, {Time(window.Key.Start)}, {Time(window.Key.End)}, {i + 1}]");
        }
        foreach (var h in phase3) emitted.AddRange(h.OutputRows);
        await GroupAggregateRescaleTests.DisposeAll(phase3);

        Assert.True(expected.Count > 100, $"{expected.Count} ranked rows");
        Assert.Equal(expected.Order(StringComparer.Ordinal), emitted.Order(StringComparer.Ordinal));
    }

    private static string Time(long micros)
    {
        var t = DateTime.UnixEpoch.AddTicks(micros * 10);
        return t.ToString(t.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
