using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Over;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The event-time OVER aggregate (<see cref="OverAggregateOperator"/>, <c>COUNT(*), SUM(v), MIN(v), MAX(v) OVER (PARTITION BY k
/// ORDER BY ts ...)</c>) through the operator harness, against a model computed here over the same rows: random rows with
/// many equal times and some late ones (never emitted), checkpoints restored at another parallelism and on another backend
/// in between. Late is Flink's: at or below the watermark on arrival for an unbounded frame; at or below the partition's
/// last fired time for a bounded one, whose RANGE frame also clears an idle partition (its cleanup at the last row's time
/// plus 1.5 intervals plus 1 ms), after which the partition starts over (an epoch of its own here). Every row that is not
/// late comes out exactly once, with the aggregates of its frame (ROWS: it and the n rows before it in time then arrival
/// order; RANGE: every row of its partition and epoch within the interval before its time, peers included).
/// </summary>
public sealed class OverAggregateOperatorTests
{
    private static readonly RowSchema Input = new([
        new StreamSql.Sql.Planner.Types.Field("k", SqlType.BigInt),
        new StreamSql.Sql.Planner.Types.Field("v", SqlType.BigInt.AsNotNull()),
        new StreamSql.Sql.Planner.Types.Field("ts", SqlType.Timestamp(3).AsNotNull() with { IsRowtime = true }),
    ]);

    private static OverAggregateSpec Spec(OverFrame frame)
    {
        AggregateCall[] calls =
        [
            new(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "w0$o0"),
            new(AggregateFunctionKind.Sum, [1], false, -1, SqlType.BigInt, "w0$o1"),
            new(AggregateFunctionKind.Min, [1], false, -1, SqlType.BigInt, "w0$o2"),
            new(AggregateFunctionKind.Max, [1], false, -1, SqlType.BigInt, "w0$o3"),
        ];
        return new OverAggregateSpec([0], 2, true, frame, calls, TimeSpan.Zero, "OverAggregate", LogicalOverAggregate.SchemaOf(Input, calls));
    }

    private sealed record Row(long K, long V, long Millis, int Epoch = 0);

    /// <summary>Flink's bounded event-time OVER bookkeeping per partition (RowTimeRowsBoundedPrecedingFunction,
    /// RowTimeRangeBoundedPrecedingFunction): the last fired time, the pending cleanup, the rows and cleanups waiting for
    /// the watermark, and how many times the partition was cleared.</summary>
    private sealed class PartitionClock
    {
        public long LastTriggered;
        public long CleanupAt;
        public int Epoch;
        public readonly List<long> Pending = new();
        public readonly List<long> Cleanups = new();
    }

    [Theory]
    [InlineData(true, 2L, "hashmap", "rocksdb")]
    [InlineData(true, null, "rocksdb", "hashmap")]
    [InlineData(false, 3000L, "hashmap", "rocksdb-small-cache")]
    [InlineData(false, null, "rocksdb-incremental", "rocksdb")]
    [InlineData(false, 0L, "hashmap", "hashmap")]
    public async Task Rows_come_out_once_with_their_frames_aggregates_across_rescaling(bool rows, long? preceding, string first, string second)
    {
        var frame = new OverFrame(rows, preceding);
        var random = new Random(20261204);
        var accepted = new List<Row>();
        var late = new HashSet<long>();
        var emitted = new Dictionary<long, (long Count, long Sum, long Min, long Max)>();
        var clocks = new Dictionary<long, PartitionClock>();
        long watermark = long.MinValue;
        long clock = 0;
        long v = 0;

        async Task Feed(OperatorTestHarness[] harnesses, int batches)
        {
            for (int b = 0; b < batches; b++)
            {
                var batch = new List<Row>();
                for (int i = 0; i < 40; i++)
                {
                    clock += random.Next(0, 400);
                    // Whole seconds: many rows of equal time; one in ten from up to 8 s back, often late.
                    long millis = (random.Next(10) == 0 ? clock - random.Next(0, 8000) : clock) / 1000 * 1000;
                    var row = new Row(random.Next(6), v++, Math.Max(0, millis));
                    batch.Add(row);
                    if (preceding is null)
                    {
                        if (row.Millis * 1000 <= watermark) late.Add(row.V);
                        else accepted.Add(row);
                        continue;
                    }
                    var partition = clocks.TryGetValue(row.K, out var c) ? c : clocks[row.K] = new PartitionClock();
                    if (row.Millis <= partition.LastTriggered)
                    {
                        late.Add(row.V);
                        continue;
                    }
                    accepted.Add(row with { Epoch = partition.Epoch });
                    partition.Pending.Add(row.Millis);
                    if (!rows && (partition.CleanupAt == 0 || partition.CleanupAt < row.Millis + preceding.Value + 1))
                    {
                        partition.CleanupAt = row.Millis + (long)(preceding.Value * 1.5) + 1;
                        partition.Cleanups.Add(partition.CleanupAt);
                    }
                }
                var parts = TestBatches.Partition(Build(batch), harnesses.Length);
                for (int s = 0; s < harnesses.Length; s++)
                    if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
                watermark = (clock - 2000) * 1000;
                foreach (var partition in clocks.Values) Fire(partition, clock - 2000);
                foreach (var h in harnesses) await h.ProcessWatermarkAsync(watermark);
                Collect(harnesses, emitted);
            }
        }

        var checkpoints = new HarnessCheckpoints();
        var phase1 = await OpenAll(frame, GroupAggregateRescaleTests.Backend(first), 1, null);
        await Feed(phase1, 10);
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await GroupAggregateRescaleTests.DisposeAll(phase1);

        var phase2 = await OpenAll(frame, GroupAggregateRescaleTests.Backend(second), 2, chk1);
        await Feed(phase2, 10);
        var chk2 = await checkpoints.SnapshotAsync(2, phase2);
        await GroupAggregateRescaleTests.DisposeAll(phase2);

        var phase3 = await OpenAll(frame, GroupAggregateRescaleTests.Backend(first), 3, chk2);
        await Feed(phase3, 5);
        foreach (var h in phase3) await h.ProcessWatermarkAsync(long.MaxValue);
        Collect(phase3, emitted);
        await GroupAggregateRescaleTests.DisposeAll(phase3);

        Assert.NotEmpty(late);
        if (!rows && preceding is not null) Assert.Contains(clocks.Values, c => c.Epoch > 0); // some partition was cleared
        Assert.DoesNotContain(late, emitted.ContainsKey);
        var expected = Model(accepted, frame);
        Assert.Equal(expected.Count, emitted.Count);
        foreach (var (value, aggregates) in expected) Assert.Equal((value, aggregates), (value, emitted[value]));
    }

    /// <summary>
    /// ROW_NUMBER, RANK, DENSE_RANK and LAG(v, 2) over an unbounded ROWS window, their state (counts, last times, the last
    /// three values) restored at other parallelisms and on other backends: each row's numbers are its place in its
    /// partition's time-then-arrival order, the rows of earlier times plus one, the distinct times so far, and v two rows back.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Window_functions_keep_counting_across_rescaling(string first, string second)
    {
        AggregateCall[] calls =
        [
            new(AggregateFunctionKind.RowNumber, [], false, -1, SqlType.BigInt.AsNotNull(), "w0$o0"),
            new(AggregateFunctionKind.Rank, [2], false, -1, SqlType.BigInt.AsNotNull(), "w0$o1"),
            new(AggregateFunctionKind.DenseRank, [2], false, -1, SqlType.BigInt.AsNotNull(), "w0$o2"),
            new(AggregateFunctionKind.Lag, [1], false, -1, SqlType.BigInt, "w0$o3") { LagOffset = 2 },
        ];
        var frame = new OverFrame(true, null);
        var spec = new OverAggregateSpec([0], 2, true, frame, calls, TimeSpan.Zero, "OverAggregate", LogicalOverAggregate.SchemaOf(Input, calls));
        var random = new Random(20261205);
        var accepted = new List<Row>();
        var emitted = new Dictionary<long, (long, long, long, long)>();
        long clock = 0, v = 0;

        async Task Feed(OperatorTestHarness[] harnesses, int batches)
        {
            for (int b = 0; b < batches; b++)
            {
                var batch = new List<Row>();
                for (int i = 0; i < 40; i++)
                {
                    clock += random.Next(0, 400);
                    var row = new Row(random.Next(5), v++, clock / 1000 * 1000);
                    batch.Add(row);
                    accepted.Add(row);
                }
                var parts = TestBatches.Partition(Build(batch), harnesses.Length);
                for (int s = 0; s < harnesses.Length; s++)
                    if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
                foreach (var h in harnesses) await h.ProcessWatermarkAsync((clock - 2000) * 1000);
                Collect(harnesses, emitted, lagColumn: 6);
            }
        }

        var checkpoints = new HarnessCheckpoints();
        var phase1 = await OpenAll(spec, GroupAggregateRescaleTests.Backend(first), 1, null);
        await Feed(phase1, 8);
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await GroupAggregateRescaleTests.DisposeAll(phase1);
        var phase2 = await OpenAll(spec, GroupAggregateRescaleTests.Backend(second), 2, chk1);
        await Feed(phase2, 8);
        var chk2 = await checkpoints.SnapshotAsync(2, phase2);
        await GroupAggregateRescaleTests.DisposeAll(phase2);
        var phase3 = await OpenAll(spec, GroupAggregateRescaleTests.Backend(first), 1, chk2);
        await Feed(phase3, 4);
        foreach (var h in phase3) await h.ProcessWatermarkAsync(long.MaxValue);
        Collect(phase3, emitted, lagColumn: 6);
        await GroupAggregateRescaleTests.DisposeAll(phase3);

        Assert.Equal(accepted.Count, emitted.Count);
        foreach (var partition in accepted.GroupBy(r => r.K))
        {
            var ordered = partition.OrderBy(r => r.Millis).ThenBy(r => r.V).ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                var row = ordered[i];
                long rank = ordered.Count(r => r.Millis < row.Millis) + 1;
                long dense = ordered.Where(r => r.Millis <= row.Millis).Select(r => r.Millis).Distinct().Count();
                long lag = i >= 2 ? ordered[i - 2].V : long.MinValue;
                Assert.Equal((row.V, (long)i + 1, rank, dense, lag), (row.V, emitted[row.V].Item1, emitted[row.V].Item2, emitted[row.V].Item3, emitted[row.V].Item4));
            }
        }
    }

    /// <summary>The watermark reaches <paramref name="millis"/>: the partition's due rows and cleanups fire, the last fired
    /// time moves to the latest of them, and a cleanup no later row superseded clears the partition.</summary>
    private static void Fire(PartitionClock partition, long millis)
    {
        foreach (long t in partition.Pending)
            if (t <= millis) partition.LastTriggered = Math.Max(partition.LastTriggered, t);
        partition.Pending.RemoveAll(t => t <= millis);
        foreach (long at in partition.Cleanups.Where(at => at <= millis).Order().ToList())
        {
            if (partition.CleanupAt != 0 && partition.CleanupAt <= at)
            {
                partition.LastTriggered = 0;
                partition.CleanupAt = 0;
                partition.Epoch++;
            }
            else
            {
                partition.LastTriggered = Math.Max(partition.LastTriggered, at);
            }
        }
        partition.Cleanups.RemoveAll(at => at <= millis);
    }

    private static Dictionary<long, (long, long, long, long)> Model(List<Row> rows, OverFrame frame)
    {
        var result = new Dictionary<long, (long, long, long, long)>();
        foreach (var partition in rows.GroupBy(r => (r.K, r.Epoch)))
        {
            var ordered = partition.OrderBy(r => r.Millis).ThenBy(r => r.V).ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                var row = ordered[i];
                IEnumerable<Row> inFrame = frame.IsRows
                    ? ordered.Skip(frame.Preceding is { } n ? (int)Math.Max(0, i - n) : 0).Take(frame.Preceding is { } m ? (int)Math.Min(i, m) + 1 : i + 1)
                    : ordered.Where(r => r.Millis <= row.Millis && (frame.Preceding is not { } ms || r.Millis >= row.Millis - ms));
                var values = inFrame.Select(r => r.V).ToList();
                result[row.V] = (values.Count, values.Sum(), values.Min(), values.Max());
            }
        }
        return result;
    }

    /// <summary>Each emitted row's four call values by its v; a NULL in <paramref name="lagColumn"/> reads as long.MinValue.</summary>
    private static void Collect(OperatorTestHarness[] harnesses, Dictionary<long, (long, long, long, long)> emitted, int lagColumn = -1)
    {
        foreach (var h in harnesses)
        {
            foreach (var batch in h.Emitted.OfType<Batch>())
            {
                Assert.True(batch.IsInsertOnly);
                var data = batch.Data;
                for (int r = 0; r < batch.Length; r++)
                {
                    long value = ((Int64Array)data.Column(1)).GetValue(r)!.Value;
                    long last = r >= 0 && lagColumn >= 0 && data.Column(lagColumn).IsNull(r) ? long.MinValue : Long(data, 6, r);
                    Assert.True(emitted.TryAdd(value, (Long(data, 3, r), Long(data, 4, r), Long(data, 5, r), last)), $"row {value} came out twice");
                }
            }
            h.ClearOutput();
        }
    }

    private static long Long(RecordBatch data, int column, int row) => ((Int64Array)data.Column(column)).GetValue(row)!.Value;

    private static Batch Build(List<Row> rows)
    {
        var schema = ArrowTypeMapping.ToArrowSchema(Input);
        var k = new Int64Array.Builder();
        var v = new Int64Array.Builder();
        var ts = new TimestampArray.Builder((TimestampType)schema.GetFieldByIndex(2).DataType);
        foreach (var row in rows)
        {
            k.Append(row.K);
            v.Append(row.V);
            ts.Append(DateTimeOffset.UnixEpoch.AddMilliseconds(row.Millis));
        }
        return new Batch(new RecordBatch(schema, [k.Build(), v.Build(), ts.Build()], rows.Count));
    }

    private static Task<OperatorTestHarness[]> OpenAll(OverFrame frame, HarnessBackend backend, int parallelism, HarnessCheckpoint? restoreFrom) =>
        OpenAll(Spec(frame), backend, parallelism, restoreFrom);

    private static async Task<OperatorTestHarness[]> OpenAll(OverAggregateSpec spec, HarnessBackend backend, int parallelism, HarnessCheckpoint? restoreFrom)
    {
        var harnesses = new OperatorTestHarness[parallelism];
        for (int s = 0; s < parallelism; s++)
            harnesses[s] = await OperatorTestHarness.OpenAsync(new OverAggregateOperator(spec, Input), backend, s, parallelism, restoreFrom: restoreFrom);
        return harnesses;
    }
}
