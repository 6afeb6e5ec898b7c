using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Match;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using PlannerField = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The MATCH_RECOGNIZE operator (<see cref="MatchOperator"/>) through the operator harness: "peaks" —
/// <c>PATTERN (A B+ C) DEFINE B AS B.price &gt; PREV(B.price), C AS C.price &lt; PREV(C.price)</c>, AFTER MATCH SKIP PAST
/// LAST ROW, measures FIRST(A.id), LAST(C.id), SUM(B.price), COUNT(*), MATCH_ROWTIME() — over random rows with many equal
/// times and some late ones, checkpoints restored at another parallelism and on another backend in between, against a model
/// computed here over the rows that were not late, in rowtime then arrival order per partition.
/// </summary>
public sealed class MatchOperatorTests
{
    private static readonly SqlType Rowtime = SqlType.Timestamp(3).AsNotNull() with { IsRowtime = true };

    private static readonly RowSchema Input = new([
        new PlannerField("k", SqlType.BigInt),
        new PlannerField("id", SqlType.BigInt.AsNotNull()),
        new PlannerField("price", SqlType.BigInt.AsNotNull()),
        new PlannerField("ts", Rowtime),
    ]);

    private static MatchSlot Value(int variable, MatchNavigation navigation, int offset, int column) =>
        new(MatchSlotKind.Value, variable, navigation, offset, new InputRef(column, Input[column].Type), null, Input[column].Type.WithNullable(true));

    private static MatchExpression Compare(string op, int variable) => new(
        new Call(op, [new InputRef(0, SqlType.BigInt), new InputRef(1, SqlType.BigInt)], SqlType.Boolean),
        [Value(variable, MatchNavigation.Last, 0, 2), Value(variable, MatchNavigation.Prev, 1, 2)], op);

    private static MatchSpec Spec()
    {
        const int a = 0, b = 1, c = 2;
        var pattern = new MatchPatternSequence([
            new MatchPatternVariable("A", a),
            new MatchPatternQuantified(new MatchPatternVariable("B", b), 1, null, false),
            new MatchPatternVariable("C", c),
        ]);
        MatchExpression Measure(MatchSlot slot) => new(new InputRef(0, slot.Type), [slot], "m");
        MatchExpression[] measures =
        [
            Measure(Value(a, MatchNavigation.First, 0, 1)),
            Measure(Value(c, MatchNavigation.Last, 0, 1)),
            Measure(new MatchSlot(MatchSlotKind.Aggregate, b, MatchNavigation.Last, 0, new InputRef(2, SqlType.BigInt.AsNotNull()), AggregateFunctionKind.Sum, SqlType.BigInt)),
            Measure(new MatchSlot(MatchSlotKind.Aggregate, -1, MatchNavigation.Last, 0, null, AggregateFunctionKind.Count, SqlType.BigInt.AsNotNull())),
            Measure(new MatchSlot(MatchSlotKind.MatchRowtime, -1, MatchNavigation.Last, 0, null, null, Rowtime)),
        ];
        var output = new RowSchema([
            new PlannerField("k", SqlType.BigInt), new PlannerField("first_id", SqlType.BigInt), new PlannerField("last_id", SqlType.BigInt),
            new PlannerField("sum_b", SqlType.BigInt), new PlannerField("n", SqlType.BigInt.AsNotNull()), new PlannerField("mr", Rowtime),
        ]);
        return new MatchSpec([0], 3, true, ["A", "B", "C"], pattern, [null, Compare(">", b), Compare("<", c)], measures,
            new MatchSkip(MatchSkipKind.PastLastRow, -1, null), null, "Match", output);
    }

    private sealed record Row(long K, long Id, long Price, long Millis);

    private sealed record Peak(long K, long FirstId, long LastId, long SumB, long N, long Millis);

    [Theory]
    [InlineData("hashmap", "rocksdb", 4)]
    [InlineData("rocksdb", "hashmap", 4)]
    [InlineData("rocksdb-incremental", "rocksdb-small-cache", 4)]
    [InlineData("rocksdb-small-cache", "hashmap", 60)]
    public async Task Matches_come_out_once_as_the_model_finds_them_across_rescaling(string first, string second, int keys)
    {
        var random = new Random(20261204);
        var accepted = new List<Row>();
        int late = 0;
        var emitted = new List<Peak>();
        long watermark = long.MinValue;
        long clock = 0;
        long id = 0;

        async Task Feed(OperatorTestHarness[] harnesses, int batches)
        {
            for (int b = 0; b < batches; b++)
            {
                var batch = new List<Row>();
                for (int i = 0; i < 40; i++)
                {
                    clock += random.Next(0, 400);
                    long millis = (random.Next(10) == 0 ? clock - random.Next(0, 8000) : clock) / 1000 * 1000;
                    var row = new Row(random.Next(keys), id++, random.Next(6), Math.Max(0, millis));
                    batch.Add(row);
                    if (row.Millis * 1000 <= watermark) late++;
                    else accepted.Add(row);
                }
                var parts = TestBatches.Partition(Build(batch), harnesses.Length);
                for (int s = 0; s < harnesses.Length; s++)
                    if (parts[s].Length > 0) await harnesses[s].ProcessBatchAsync(parts[s]);
                watermark = (clock - 2000) * 1000;
                foreach (var h in harnesses) await h.ProcessWatermarkAsync(watermark);
                Collect(harnesses, emitted);
            }
        }

        var checkpoints = new HarnessCheckpoints();
        var phase1 = await OpenAll(GroupAggregateRescaleTests.Backend(first), 1, null);
        await Feed(phase1, 10);
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await GroupAggregateRescaleTests.DisposeAll(phase1);

        var phase2 = await OpenAll(GroupAggregateRescaleTests.Backend(second), 3, chk1);
        await Feed(phase2, 10);
        var chk2 = await checkpoints.SnapshotAsync(2, phase2);
        await GroupAggregateRescaleTests.DisposeAll(phase2);

        var phase3 = await OpenAll(GroupAggregateRescaleTests.Backend(first), 2, chk2);
        await Feed(phase3, 5);
        foreach (var h in phase3) await h.ProcessWatermarkAsync(long.MaxValue);
        Collect(phase3, emitted);
        await GroupAggregateRescaleTests.DisposeAll(phase3);

        Assert.True(late > 0);
        var expected = Model(accepted);
        Assert.True(expected.Count > 10, $"only {expected.Count} peaks");
        Assert.Equal(expected.OrderBy(p => p.FirstId), emitted.OrderBy(p => p.FirstId));
    }

    /// <summary>Per partition in time then arrival order: from each start row, a rise of one or more rows then a fall;
    /// a greedy rise takes every rising row; the search resumes after the fall, or at the next row when none starts here.</summary>
    private static List<Peak> Model(List<Row> rows)
    {
        var peaks = new List<Peak>();
        foreach (var partition in rows.GroupBy(r => r.K))
        {
            var p = partition.OrderBy(r => r.Millis).ThenBy(r => r.Id).ToList();
            int n = p.Count;
            for (int s = 0; s < n;)
            {
                int end = -1;
                if (s + 1 < n && p[s + 1].Price > p[s].Price)
                {
                    int j = s + 1;
                    while (j + 1 < n && p[j + 1].Price > p[j].Price) j++;
                    if (j + 1 < n && p[j + 1].Price < p[j].Price) end = j + 1;
                }
                if (end < 0)
                {
                    s++;
                    continue;
                }
                peaks.Add(new Peak(p[s].K, p[s].Id, p[end].Id, p.Skip(s + 1).Take(end - s - 1).Sum(r => r.Price), end - s + 1, p[end].Millis));
                s = end + 1;
            }
        }
        return peaks;
    }

    private static void Collect(OperatorTestHarness[] harnesses, List<Peak> emitted)
    {
        foreach (var h in harnesses)
        {
            foreach (var batch in h.Emitted.OfType<Batch>())
            {
                Assert.True(batch.IsInsertOnly);
                var d = batch.Data;
                for (int r = 0; r < batch.Length; r++)
                {
                    long Long(int c) => ((Int64Array)d.Column(c)).GetValue(r)!.Value;
                    long micros = ((TimestampArray)d.Column(5)).GetValue(r)!.Value;
                    emitted.Add(new Peak(Long(0), Long(1), Long(2), Long(3), Long(4), micros / 1000));
                }
            }
            h.ClearOutput();
        }
    }

    private static Batch Build(List<Row> rows)
    {
        var schema = ArrowTypeMapping.ToArrowSchema(Input);
        var k = new Int64Array.Builder();
        var id = new Int64Array.Builder();
        var price = new Int64Array.Builder();
        var ts = new TimestampArray.Builder((TimestampType)schema.GetFieldByIndex(3).DataType);
        foreach (var row in rows)
        {
            k.Append(row.K);
            id.Append(row.Id);
            price.Append(row.Price);
            ts.Append(DateTimeOffset.UnixEpoch.AddMilliseconds(row.Millis));
        }
        return new Batch(new RecordBatch(schema, [k.Build(), id.Build(), price.Build(), ts.Build()], rows.Count));
    }

    private static async Task<OperatorTestHarness[]> OpenAll(HarnessBackend backend, int parallelism, HarnessCheckpoint? restoreFrom)
    {
        var harnesses = new OperatorTestHarness[parallelism];
        for (int s = 0; s < parallelism; s++)
            harnesses[s] = await OperatorTestHarness.OpenAsync(new MatchOperator(Spec(), Input), backend, s, parallelism, restoreFrom: restoreFrom);
        return harnesses;
    }

    /// <summary>
    /// A watermark inside a second passes part of that second's waiting rows: the rest are written back to their pending
    /// group, which a checkpoint before had already written to RocksDB. The next checkpoint must hold the rows left, not the
    /// second as it was: restored from it, the match the firing emitted must not come out again.
    /// </summary>
    [Theory]
    [InlineData("rocksdb", "hashmap")]
    [InlineData("rocksdb-incremental", "rocksdb")]
    [InlineData("hashmap", "rocksdb")]
    public async Task Rows_left_waiting_in_a_partly_fired_second_are_checkpointed_as_left(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var before = await OpenAll(GroupAggregateRescaleTests.Backend(first), 1, null);
        // A peak 100..300 ms (A B C) and a row at 700 ms of the same second that waits.
        await before[0].ProcessBatchAsync(Build([new Row(0, 0, 1, 100), new Row(0, 1, 2, 200), new Row(0, 2, 1, 300), new Row(0, 3, 0, 700)]));
        await checkpoints.SnapshotAsync(1, before);
        await before[0].ProcessWatermarkAsync(400_000);
        var emitted = new List<Peak>();
        Collect(before, emitted);
        Assert.Equal([0L], emitted.Select(p => p.FirstId));
        var chk2 = await checkpoints.SnapshotAsync(2, before);
        await GroupAggregateRescaleTests.DisposeAll(before);

        var after = await OpenAll(GroupAggregateRescaleTests.Backend(second), 2, chk2);
        foreach (var h in after) await h.ProcessWatermarkAsync(long.MaxValue);
        Collect(after, emitted);
        await GroupAggregateRescaleTests.DisposeAll(after);
        Assert.Equal([0L], emitted.Select(p => p.FirstId));
    }

    /// <summary><c>PATTERN (A X Y | A Z) WITHIN INTERVAL '3' SECOND</c> with A: price = 1, X and Z: price = 2, Y: price = 3.</summary>
    private static MatchSpec AlternationSpec()
    {
        MatchExpression Is(int variable, long price) => new(
            new Call("=", [new InputRef(0, SqlType.BigInt), new Literal(price, SqlType.BigInt.AsNotNull())], SqlType.Boolean),
            [Value(variable, MatchNavigation.Last, 0, 2)], "=");
        MatchPattern V(string name, int index) => new MatchPatternVariable(name, index);
        var pattern = new MatchPatternAlternation([
            new MatchPatternSequence([V("A", 0), V("X", 1), V("Y", 2)]),
            new MatchPatternSequence([V("A", 0), V("Z", 3)]),
        ]);
        var classifier = new MatchSlot(MatchSlotKind.Classifier, -1, MatchNavigation.Last, 0, null, null, SqlType.String.AsNotNull());
        var output = new RowSchema([new PlannerField("k", SqlType.BigInt), new PlannerField("c", SqlType.String.AsNotNull())]);
        return new MatchSpec([0], 3, true, ["A", "X", "Y", "Z"], pattern, [Is(0, 1), Is(1, 2), Is(2, 3), Is(3, 2)],
            [new MatchExpression(new InputRef(0, classifier.Type), [classifier], "c")], new MatchSkip(MatchSkipKind.PastLastRow, -1, null), 3000, "Match", output);
    }

    [Theory]
    [InlineData("hashmap")]
    [InlineData("rocksdb")]
    public async Task A_waiting_match_falls_back_when_within_expires_even_without_new_rows_and_at_the_end_of_input(string backend)
    {
        var harness = await OperatorTestHarness.OpenAsync(new MatchOperator(AlternationSpec(), Input), GroupAggregateRescaleTests.Backend(backend), 0, 1);
        await harness.ProcessBatchAsync(Build([new Row(0, 0, 1, 1000), new Row(0, 1, 2, 2000), new Row(1, 2, 1, 2000)]));
        await harness.ProcessWatermarkAsync(2_500_000);
        await harness.ProcessWatermarkAsync(3_900_000);
        Assert.Empty(harness.Emitted.OfType<Batch>());
        // X Y could still come until the start row's time plus 3 s; past that the first branch cannot complete: A Z.
        await harness.ProcessWatermarkAsync(4_100_000);
        var first = Assert.Single(harness.Emitted.OfType<Batch>());
        Assert.Equal("0 Z", $"{((Int64Array)first.Data.Column(0)).GetValue(0)} {((StringArray)first.Data.Column(1)).GetString(0)}");
        harness.ClearOutput();
        // Key 1 waits for a row after its A; the end of input ends the wait: no match.
        await harness.ProcessWatermarkAsync(long.MaxValue);
        Assert.Empty(harness.Emitted.OfType<Batch>());
        await harness.DisposeAsync();
    }

    /// <summary>
    /// WITHIN over processing time (Flink's CepOperator advances the NFA to the current processing time): rows are timed
    /// by their arrival, so a match whose rows all arrive within the interval completes (key 0: A X Y, the preferred
    /// branch), and a row arriving past it ends the wait of the partial match, which falls back to A Z (key 1).
    /// </summary>
    [Fact]
    public async Task Within_over_processing_time_times_rows_by_their_arrival()
    {
        var clock = new ManualClock();
        long t0 = clock.Micros;
        var harness = await OperatorTestHarness.OpenAsync(new MatchOperator(AlternationSpec() with { IsRowtime = false }, Input),
            GroupAggregateRescaleTests.Backend("hashmap"), 0, 1, clock: clock);
        await harness.ProcessBatchAsync(Build([new Row(0, 0, 1, 0), new Row(1, 10, 1, 0)]));
        clock.Micros = t0 + 1_000_000;
        await harness.ProcessBatchAsync(Build([new Row(0, 1, 2, 0), new Row(1, 11, 2, 0)]));
        Assert.Empty(harness.Emitted.OfType<Batch>());
        clock.Micros = t0 + 2_500_000;
        await harness.ProcessBatchAsync(Build([new Row(0, 2, 3, 0)]));
        clock.Micros = t0 + 3_500_000;
        await harness.ProcessBatchAsync(Build([new Row(1, 12, 3, 0)]));
        var matches = harness.Emitted.OfType<Batch>()
            .SelectMany(b => Enumerable.Range(0, b.Length).Select(i => $"{((Int64Array)b.Data.Column(0)).GetValue(i)} {((StringArray)b.Data.Column(1)).GetString(i)}"))
            .ToList();
        Assert.Equal(["0 Y", "1 Z"], matches);
        await harness.DisposeAsync();
    }
}
