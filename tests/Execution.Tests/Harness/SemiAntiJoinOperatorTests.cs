using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Join;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The semi / anti join operator (<see cref="SemiAntiJoinOperator"/>) over two (k, v) inputs joined on k, through the
/// operator test harness: left rows forwarded with their kinds, emitted and retracted as their first match arrives and
/// their last goes, NULL keys, the residual condition, and state restored on the other backend at another parallelism.
/// </summary>
public sealed class SemiAntiJoinOperatorTests
{
    private static SemiAntiJoinOperator Create(JoinType type, ScalarExpr? condition = null, bool insertOnly = false) =>
        new(new JoinSpec(type, [0], [0], condition, GroupAggregates.KeyValue, GroupAggregates.KeyValue, TimeSpan.Zero, "Join",
            GroupAggregates.KeyValue, ChangelogMode.All)
        {
            LeftInsertOnly = insertOnly,
            RightInsertOnly = insertOnly,
        });

    private static Batch Rows(params (long? K, long? V, RowKind Kind)[] rows) => TestBatches.KeyValues(rows);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Semi_join_emits_a_left_row_at_its_first_match_once_per_copy(bool insertOnly)
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Semi, insertOnly: insertOnly), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert), (1, 10, RowKind.Insert), (2, 20, RowKind.Insert), (null, 0, RowKind.Insert)), 0);
        Assert.Empty(h.OutputRows);
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Insert), (1, 101, RowKind.Insert), (null, 0, RowKind.Insert)), 1);
        Assert.Equal(["+I[1, 10]", "+I[1, 10]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 11, RowKind.Insert), (2, 21, RowKind.Insert)), 0);
        Assert.Equal(["+I[1, 11]"], h.OutputRows);
        if (insertOnly) return;
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Delete)), 1);
        Assert.Empty(h.OutputRows);
        // Flink's StreamingSemiAntiJoinOperator: the left rows losing their last match go out with the right row's kind.
        await h.ProcessBatchAsync(Rows((1, 101, RowKind.UpdateBefore)), 1);
        Assert.Equal(["-U[1, 10]", "-U[1, 10]", "-U[1, 11]"], h.OutputRows.Order(StringComparer.Ordinal));
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 102, RowKind.UpdateAfter)), 1);
        Assert.Equal(["+U[1, 10]", "+U[1, 10]", "+U[1, 11]"], h.OutputRows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Anti_join_forwards_unmatched_rows_retracts_them_at_the_first_match_and_restores_them_after_the_last()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Anti), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert), (null, 5, RowKind.Insert)), 0);
        Assert.Equal(["+I[1, 10]", "+I[null, 5]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Insert), (1, 101, RowKind.Insert), (null, 1, RowKind.Insert)), 1);
        Assert.Equal(["-D[1, 10]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 12, RowKind.Insert), (1, 10, RowKind.Delete)), 0);
        Assert.Empty(h.OutputRows);
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Delete), (1, 101, RowKind.Delete)), 1);
        Assert.Equal(["+I[1, 12]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 12, RowKind.UpdateBefore), (1, 13, RowKind.UpdateAfter), (null, 5, RowKind.Delete)), 0);
        Assert.Equal(["-U[1, 12]", "+U[1, 13]", "-D[null, 5]"], h.OutputRows);
    }

    [Fact]
    public async Task Residual_condition_decides_which_right_rows_count_as_matches()
    {
        // v < v0: left (1, 10) is matched by right rows with v0 > 10 only.
        var condition = new Call("<", [new InputRef(1, SqlType.BigInt), new InputRef(3, SqlType.BigInt)], SqlType.Boolean);
        await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Semi, condition), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert)), 0);
        await h.ProcessBatchAsync(Rows((1, 5, RowKind.Insert)), 1);
        Assert.Empty(h.OutputRows);
        await h.ProcessBatchAsync(Rows((1, 50, RowKind.Insert)), 1);
        Assert.Equal(["+I[1, 10]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 5, RowKind.Delete)), 1);
        Assert.Empty(h.OutputRows);
        await h.ProcessBatchAsync(Rows((1, 60, RowKind.Insert)), 0);
        Assert.Empty(h.OutputRows);
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task State_restores_on_the_other_backend_at_another_parallelism(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var one = await OperatorTestHarness.OpenAsync(Create(JoinType.Anti), GroupAggregateRescaleTests.Backend(first));
        await one.ProcessBatchAsync(Rows((1, 10, RowKind.Insert), (2, 20, RowKind.Insert), (3, 30, RowKind.Insert), (3, 30, RowKind.Insert)), 0);
        await one.ProcessBatchAsync(Rows((2, 200, RowKind.Insert)), 1);
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Anti), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk);
            var part = TestBatches.Partition(Rows((1, 100, RowKind.Insert), (2, 200, RowKind.Delete), (3, 300, RowKind.Insert)), 2)[s];
            if (part.Length > 0) await h.ProcessBatchAsync(part, 1);
            output.AddRange(h.OutputRows);
        }
        output.Sort(StringComparer.Ordinal);
        // Keys 1 and 3 get their first match (retracted, once per copy); key 2 loses its only match (emitted again).
        Assert.Equal(["+I[2, 20]", "-D[1, 10]", "-D[3, 30]", "-D[3, 30]"], output);
    }
}
