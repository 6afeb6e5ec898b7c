using StreamSql.Execution.Operators.Join;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The event-time interval join through the operator test harness (<c>l.ts BETWEEN r.ts - 2 s AND r.ts + 2 s</c>, key
/// <c>k</c>): rows joined within the bounds only, the watermark held back, a LEFT join's unmatched row padded once when the
/// watermark passes its interval and never retracted, a late row joined with what is still kept and padded at once, and
/// kept rows and their cleanup timers restored from a checkpoint at another parallelism.
/// </summary>
public sealed class IntervalJoinOperatorTests
{
    private const long Second = 1_000_000;

    private static readonly SqlType Rowtime = SqlType.Timestamp(3) with { IsRowtime = true };
    private static readonly RowSchema Side = new([new Field("k", SqlType.BigInt), new Field("ts", Rowtime)]);

    private static IntervalJoinSpec Spec(JoinType type)
    {
        var output = LogicalJoin.SchemaOf(Side, Side, type, keepTimeAttributes: true);
        var l = new InputRef(1, output[1].Type);
        var r = new InputRef(3, output[3].Type);
        var two = new Literal(2000L, SqlType.IntervalDayTime.AsNotNull());
        var condition = new Call("AND", [
            new Call(">=", [l, new Call("-", [r, two], r.Type)], SqlType.Boolean),
            new Call("<=", [l, new Call("+", [r, two], r.Type)], SqlType.Boolean),
        ], SqlType.Boolean);
        return new IntervalJoinSpec(type, [0], [0], condition, new IntervalJoinBounds(true, -2 * Second, 2 * Second, 1, 1), Side, Side,
            "IntervalJoin(test)", output, ChangelogMode.InsertOnly);
    }

    private static string T(double seconds) => DateTime.UnixEpoch.AddTicks((long)(seconds * Second) * 10).ToString(seconds % 1 == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private static long At(double seconds) => (long)(seconds * Second);

    [Theory]
    [InlineData("hashmap")]
    [InlineData("rocksdb")]
    public async Task Rows_join_within_the_bounds_and_unmatched_left_rows_are_padded_once(string backend)
    {
        var op = new IntervalJoinOperator(Spec(JoinType.Left));
        var h = await OperatorTestHarness.OpenAsync(op, backend == "rocksdb" ? HarnessBackend.RocksDb : HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(10)), (2, At(10))]), input: 1);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(11)), (1, At(12.5)), (2, At(30))]), input: 0);
        Assert.Equal([$"+I[1, {T(11)}, 1, {T(10)}]"], h.OutputRows);
        h.ClearOutput();

        // At 20 s: both rows of key 1 and the right row of key 2 are past their intervals; 12.5 s never matched.
        await h.ProcessWatermarkAsync(At(20));
        Assert.Equal([$"+I[1, {T(12.5)}, null, null]"], h.OutputRows);
        Assert.Equal([At(20) - op.WatermarkDelay], h.OutputWatermarks);
        Assert.True(op.WatermarkDelay >= 2 * Second);
        h.ClearOutput();

        // A late left row (its interval ended at 17 s) meets nothing kept and is padded at once; 30 s is still waiting.
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(15))]), input: 0);
        Assert.Equal([$"+I[1, {T(15)}, null, null]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(2, At(31.5)), (2, At(33))]), input: 1);
        Assert.Equal([$"+I[2, {T(30)}, 2, {T(31.5)}]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessWatermarkAsync(long.MaxValue);
        Assert.Empty(h.OutputRows);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task Kept_rows_and_their_timers_are_restored_at_another_parallelism()
    {
        var checkpoints = new HarnessCheckpoints();
        var spec = Spec(JoinType.Full);
        var first = await OperatorTestHarness.OpenAsync(new IntervalJoinOperator(spec), HarnessBackend.HashMap);
        await first.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(10)), (2, At(10)), (3, At(10)), (4, At(10))]), input: 0);
        await first.ProcessWatermarkAsync(At(5));
        var chk = await checkpoints.SnapshotAsync(1, [first]);
        await first.DisposeAsync();

        var restored = new List<OperatorTestHarness>();
        for (int s = 0; s < 2; s++)
            restored.Add(await OperatorTestHarness.OpenAsync(new IntervalJoinOperator(spec), HarnessBackend.RocksDb, subtask: s, parallelism: 2,
                restoreFrom: chk));
        var right = TestBatches.Partition(TestBatches.KeyTimes([(1, At(11)), (3, At(9)), (5, At(10))]), 2);
        var rows = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await restored[s].ProcessBatchAsync(right[s], input: 1);
            await restored[s].ProcessWatermarkAsync(At(60));
            rows.AddRange(restored[s].OutputRows);
        }
        rows.Sort(StringComparer.Ordinal);
        Assert.Equal([
            $"+I[1, {T(10)}, 1, {T(11)}]",
            $"+I[2, {T(10)}, null, null]",
            $"+I[3, {T(10)}, 3, {T(9)}]",
            $"+I[4, {T(10)}, null, null]",
            $"+I[null, null, 5, {T(10)}]",
        ], rows);
        foreach (var h in restored) await h.DisposeAsync();
    }
}
