using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Join;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The window join operator through the operator test harness: random rows of both sides carrying their window end (some
/// late, some with a NULL key) in batches, watermarks, checkpoints restored at other parallelisms and on other backends,
/// and the exact rows every fired window emits, against a model computed here: a FULL join on k and the window with the
/// residual <c>L.v &lt;= R.v</c>, each side's rows that pass with nothing padded with NULLs (candidate pairs joined in chunks of 7 in
/// one run).
/// </summary>
public sealed class WindowJoinOperatorTests
{
    private const long Second = 1_000_000;
    private const long Size = 10 * Second;

    private static readonly RowSchema Side = new([new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt), new Field("window_end", SqlType.Timestamp(3).AsNotNull())]);

    private static readonly Schema ArrowSide = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("v").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("window_end").DataType(new TimestampType(TimeUnit.Microsecond, (string?)null)).Nullable(false))
        .Build();

    private static WindowJoinSpec Spec()
    {
        var output = LogicalJoin.SchemaOf(Side, Side, JoinType.Full);
        var condition = new Call("<=", [new InputRef(1, output[1].Type), new InputRef(4, output[4].Type)], SqlType.Boolean);
        return new WindowJoinSpec(JoinType.Full, [0], [0], condition, 2, 2, Side, Side, output, "WindowJoin(test)", output);
    }

    private static Batch Rows(IReadOnlyList<(long? K, long? V, long End)> rows)
    {
        var k = new Int64Array.Builder();
        var v = new Int64Array.Builder();
        var end = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
        foreach (var row in rows)
        {
            if (row.K is { } key) k.Append(key); else k.AppendNull();
            if (row.V is { } value) v.Append(value); else v.AppendNull();
            end.Append(DateTimeOffset.UnixEpoch.AddTicks(row.End * 10));
        }
        return new Batch(new RecordBatch(ArrowSide, [k.Build(), v.Build(), end.Build()], rows.Count));
    }

    [Theory]
    [InlineData("hashmap", "rocksdb", "hashmap", 1 << 16)]
    [InlineData("rocksdb", "hashmap", "rocksdb-incremental", 7)]
    public async Task Windows_join_exactly_once_across_rescales(string first, string second, string third, int pairChunk)
    {
        var spec = Spec();
        var random = new Random(first.Length * 31 + third.Length);
        var metrics = new JobMetrics();
        var checkpoints = new HarnessCheckpoints();
        // Per window end, each side's on-time rows.
        var pending = new Dictionary<long, (List<(long? K, long? V)> Left, List<(long? K, long? V)> Right)>();
        var expected = new List<string>();
        var emitted = new List<string>();
        long watermark = 100 * Second, late = 0;

        async Task<OperatorTestHarness[]> Open(string backend, int parallelism, HarnessCheckpoint? from)
        {
            var harnesses = new OperatorTestHarness[parallelism];
            for (int s = 0; s < parallelism; s++)
                harnesses[s] = await OperatorTestHarness.OpenAsync(new WindowJoinOperator(spec, metrics, pairChunk),
                    GroupAggregateRescaleTests.Backend(backend), s, parallelism, restoreFrom: from);
            return harnesses;
        }

        static string Value(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "null";

        void Fire(long at)
        {
            foreach (var (end, (left, right)) in pending.Where(w => w.Key - 1 <= at).ToList())
            {
                var rightMatched = new bool[right.Count];
                string e = Time(end);
                foreach (var l in left)
                {
                    bool matched = false;
                    for (int j = 0; j < right.Count; j++)
                    {
                        var r = right[j];
                        if (l.K is null || l.K != r.K || l.V is null || r.V is null || l.V > r.V) continue;
                        matched = rightMatched[j] = true;
                        expected.Add($"+I[{Value(l.K)}, {Value(l.V)}, {e}, {Value(r.K)}, {Value(r.V)}, {e}]");
                    }
                    if (!matched) expected.Add($"+I[{Value(l.K)}, {Value(l.V)}, {e}, null, null, null]");
                }
                for (int j = 0; j < right.Count; j++)
                    if (!rightMatched[j]) expected.Add($"+I[null, null, null, {Value(right[j].K)}, {Value(right[j].V)}, {e}]");
                pending.Remove(end);
            }
        }

        async Task Run(OperatorTestHarness[] harnesses, int rounds)
        {
            for (int round = 0; round < rounds; round++)
            {
                for (int input = 0; input < 2; input++)
                {
                    var rows = new List<(long? K, long? V, long End)>();
                    for (int i = 0; i < 60; i++)
                    {
                        long time = watermark - 12 * Second + random.NextInt64(30 * Second);
                        long? k = random.Next(15) == 0 ? null : random.Next(12);
                        long? v = random.Next(10) == 0 ? null : random.Next(20);
                        rows.Add((k, v, time / Size * Size + Size));
                    }
                    foreach (var (k, v, end) in rows)
                    {
                        if (end - 1 <= watermark) { late++; continue; }
                        if (!pending.TryGetValue(end, out var window)) pending[end] = window = (new(), new());
                        (input == 0 ? window.Left : window.Right).Add((k, v));
                    }
                    var parts = TestBatches.Partition(Rows(rows), harnesses.Length);
                    for (int s = 0; s < harnesses.Length; s++)
                        if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s], input);
                }
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

        Assert.True(expected.Count > 300, $"{expected.Count} joined rows");
        Assert.Contains(expected, r => r.Contains("null, null, null]", StringComparison.Ordinal));
        Assert.Contains(expected, r => r.StartsWith("+I[null, null, null", StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), emitted.Order(StringComparer.Ordinal));
        Assert.True(late > 0, "the input has late rows");
        Assert.Equal(late, metrics.NumLateRecordsDropped);
    }

    /// <summary>A window whose rows wait as their batches (hashmap backend, one integer key) is joined from their columns;
    /// on RocksDB from the tables. Both emit the same rows in the same order: groups in the order of their first row, each
    /// group's rows in arrival order.</summary>
    [Fact]
    public async Task Windows_joined_from_pending_batches_emit_what_the_tables_give_in_the_same_order()
    {
        var spec = Spec();
        var outputs = new List<IReadOnlyList<string>>();
        foreach (var backend in new[] { "hashmap", "rocksdb" })
        {
            var random = new Random(11);
            await using var h = await OperatorTestHarness.OpenAsync(new WindowJoinOperator(spec, new JobMetrics()),
                GroupAggregateRescaleTests.Backend(backend));
            long watermark = 100 * Second;
            await h.ProcessWatermarkAsync(watermark);
            for (int round = 0; round < 12; round++)
            {
                for (int input = 0; input < 2; input++)
                {
                    var rows = new List<(long? K, long? V, long End)>();
                    for (int i = 0; i < 80; i++)
                    {
                        long time = watermark + random.NextInt64(25 * Second);
                        rows.Add((random.Next(15) == 0 ? null : random.Next(9), random.Next(20), time / Size * Size + Size));
                    }
                    await h.ProcessBatchAsync(Rows(rows), input);
                }
                watermark += random.NextInt64(8 * Second);
                await h.ProcessWatermarkAsync(watermark);
            }
            await h.ProcessWatermarkAsync(long.MaxValue);
            outputs.Add(h.OutputRows.ToList());
        }
        Assert.True(outputs[0].Count > 500, $"{outputs[0].Count} rows");
        Assert.Equal(outputs[1], outputs[0]);
    }

    private static string Time(long micros)
    {
        var t = DateTime.UnixEpoch.AddTicks(micros * 10);
        return t.ToString(t.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
