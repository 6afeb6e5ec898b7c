using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The streaming limit (<see cref="LimitOperator"/>) and the global Top-N of ORDER BY ... LIMIT (the rank operator with no
/// partition keys) through the harness: exact output per batch, across checkpoints restored on another backend, so a
/// restored job neither repeats nor skips rows.
/// </summary>
public sealed class LimitOperatorTests
{
    private static readonly RowSchema KeyValue = new([new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt)]);

    private static Batch Rows(int from, int count, Func<int, long>? value = null) =>
        TestBatches.KeyValues(Enumerable.Range(from, count).Select(i => ((long?)i, (long?)(value?.Invoke(i) ?? i), RowKind.Insert)).ToList());

    private static string[] Inserts(int from, int to) => Enumerable.Range(from, to - from).Select(i => $"+I[{i}, {i}]").ToArray();

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb-incremental", "rocksdb")]
    public async Task Offset_and_fetch_hold_across_restores(string first, string second)
    {
        var spec = new LimitSpec(5, 12, "Limit", KeyValue);
        var checkpoints = new HarnessCheckpoints();
        var h = await OperatorTestHarness.OpenAsync(new LimitOperator(spec), GroupAggregateRescaleTests.Backend(first));
        await h.ProcessBatchAsync(Rows(0, 4));
        Assert.Empty(h.OutputRows);
        var chk1 = await checkpoints.SnapshotAsync(1, [h]);
        await h.DisposeAsync();

        h = await OperatorTestHarness.OpenAsync(new LimitOperator(spec), GroupAggregateRescaleTests.Backend(second), restoreFrom: chk1);
        await h.ProcessBatchAsync(Rows(4, 6));
        Assert.Equal(Inserts(5, 10), h.OutputRows);
        var chk2 = await checkpoints.SnapshotAsync(2, [h]);
        // Rows after the checkpoint are replayed after the restore: they pass once more, as the first time.
        await h.ProcessBatchAsync(Rows(10, 3));
        await h.DisposeAsync();

        h = await OperatorTestHarness.OpenAsync(new LimitOperator(spec), GroupAggregateRescaleTests.Backend(first), restoreFrom: chk2);
        await h.ProcessBatchAsync(Rows(10, 10));
        Assert.Equal(Inserts(10, 17), h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows(20, 50));
        Assert.Empty(h.OutputRows);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task Without_fetch_only_the_offset_is_skipped()
    {
        var h = await OperatorTestHarness.OpenAsync(new LimitOperator(new LimitSpec(3, null, "Limit", KeyValue)), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows(0, 2));
        await h.ProcessBatchAsync(Rows(2, 4));
        await h.ProcessBatchAsync(Rows(6, 2));
        Assert.Equal(Inserts(3, 8), h.OutputRows);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task A_global_top_n_keeps_its_rows_across_a_restore()
    {
        var spec = new RankSpec([], [new RankOrderKey(1, Descending: true, NullsFirst: false)], RankType.RowNumber, 2, 3, false, false, false,
            TimeSpan.Zero, "SortLimit", KeyValue);
        var checkpoints = new HarnessCheckpoints();
        var h = await OperatorTestHarness.OpenAsync(new TopNOperator(spec, KeyValue), HarnessBackend.RocksDb);
        // Values 10, 30, 20: the top three are 30, 20, 10; ranks 2..3 are 20 and 10.
        await h.ProcessBatchAsync(Rows(0, 3, i => i switch { 0 => 10, 1 => 30, _ => 20 }));
        Assert.Equal(["+I[0, 10]", "+I[2, 20]"], h.OutputRows.Order(StringComparer.Ordinal).ToArray());
        var chk = await checkpoints.SnapshotAsync(1, [h]);
        await h.DisposeAsync();

        h = await OperatorTestHarness.OpenAsync(new TopNOperator(spec, KeyValue), HarnessBackend.HashMap, restoreFrom: chk);
        // 40 takes rank 1: 30 moves into rank 2 and 10 drops out of rank 3.
        await h.ProcessBatchAsync(Rows(3, 1, _ => 40));
        Assert.Equal(["+I[1, 30]", "-D[0, 10]"], h.OutputRows.Order(StringComparer.Ordinal).ToArray());
        await h.DisposeAsync();
    }
}
