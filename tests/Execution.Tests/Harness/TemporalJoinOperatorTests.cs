using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Join;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The event-time temporal join through the operator test harness (key <c>k</c>, left time and version time <c>ts</c>):
/// left rows wait for the watermark, then join the latest version at or before their time (a deletion or no version:
/// padded on a LEFT join), the rows go out before the watermark, and versions the watermark has left behind are dropped.
/// </summary>
public sealed class TemporalJoinOperatorTests
{
    private const long Second = 1_000_000;

    private static readonly SqlType Rowtime = SqlType.Timestamp(3) with { IsRowtime = true };
    private static readonly RowSchema Side = new([new Field("k", SqlType.BigInt), new Field("ts", Rowtime)]);

    private static TemporalJoinSpec Spec(JoinType type) =>
        new(type, [0], [0], null, 1, 1, Side, Side, "TemporalJoin(test)", LogicalTemporalJoin.SchemaOf(Side, Side, type, 1), ChangelogMode.InsertOnly);

    private static string T(double seconds) => DateTime.UnixEpoch.AddTicks((long)(seconds * Second) * 10).ToString(seconds % 1 == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private static long At(double seconds) => (long)(seconds * Second);

    private static Batch Versions(IReadOnlyList<(long K, long Ts)> rows, params RowKind[] kinds) =>
        new(TestBatches.KeyTimes(rows).Data, kinds);

    [Theory]
    [InlineData("hashmap")]
    [InlineData("rocksdb")]
    public async Task Left_rows_join_the_version_current_at_their_time_once_the_watermark_passes_it(string backend)
    {
        var op = new TemporalJoinOperator(Spec(JoinType.Left));
        var h = await OperatorTestHarness.OpenAsync(op, backend == "rocksdb" ? HarnessBackend.RocksDb : HarnessBackend.HashMap);
        // Versions of key 1 out of order; -U is not a version; a deletion at 5 s.
        await h.ProcessBatchAsync(Versions([(1, At(3)), (1, At(1)), (1, At(2)), (1, At(2)), (1, At(5))],
            RowKind.Insert, RowKind.Insert, RowKind.UpdateBefore, RowKind.UpdateAfter, RowKind.Delete), input: 1);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(2.5)), (1, At(4)), (1, At(6)), (2, At(3)), (1, At(1.5))]), input: 0);
        Assert.Empty(h.OutputRows);

        // At 3 s: the rows at or before it (a bucket partly passed gives up its passed rows only).
        await h.ProcessWatermarkAsync(At(3));
        Assert.Equal([$"+I[1, {T(1.5)}, 1, {T(1)}]", $"+I[1, {T(2.5)}, 1, {T(2)}]", $"+I[2, {T(3)}, null, null]"], h.OutputRows.Order());
        Assert.Equal([At(3)], h.OutputWatermarks);
        h.ClearOutput();

        await h.ProcessWatermarkAsync(At(10));
        Assert.Equal([$"+I[1, {T(4)}, 1, {T(3)}]", $"+I[1, {T(6)}, null, null]"], h.OutputRows.Order());
        h.ClearOutput();

        // The versions before the deletion are gone: a late row at 2.5 s finds none (as in Flink, which cleans them too).
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(2.5))]), input: 0);
        await h.ProcessBatchAsync(Versions([(1, At(12))], RowKind.Insert), input: 1);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(13))]), input: 0);
        await h.ProcessWatermarkAsync(At(20));
        Assert.Equal([$"+I[1, {T(2.5)}, null, null]", $"+I[1, {T(13)}, 1, {T(12)}]"], h.OutputRows.Order());
        await h.DisposeAsync();
    }

    [Fact]
    public async Task An_inner_join_drops_rows_without_a_live_version()
    {
        var h = await OperatorTestHarness.OpenAsync(new TemporalJoinOperator(Spec(JoinType.Inner)), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Versions([(1, At(1)), (1, At(4))], RowKind.Insert, RowKind.Delete), input: 1);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, At(0.5)), (1, At(2)), (1, At(4)), (3, At(2))]), input: 0);
        await h.ProcessWatermarkAsync(long.MaxValue);
        Assert.Equal([$"+I[1, {T(2)}, 1, {T(1)}]"], h.OutputRows);
        await h.DisposeAsync();
    }
}
