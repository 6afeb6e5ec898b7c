using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Join;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// The regular join operator (<see cref="StreamingJoinOperator"/>) over two (k, v) inputs joined on k, through the
/// operator test harness: Flink's row kinds for inner and outer joins, multiplicities, the residual condition, the state
/// TTL, and state restored on the other backend at another parallelism.
/// </summary>
public sealed class StreamingJoinOperatorTests
{
    private static readonly RowSchema Joined = new([
        new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt), new Field("k0", SqlType.BigInt), new Field("v0", SqlType.BigInt)]);

    private static StreamingJoinOperator Create(JoinType type, ScalarExpr? condition = null, TimeSpan ttl = default, bool insertOnly = false) =>
        new(new JoinSpec(type, [0], [0], condition, GroupAggregates.KeyValue, GroupAggregates.KeyValue, ttl, "Join", Joined, ChangelogMode.All)
        {
            LeftInsertOnly = insertOnly,
            RightInsertOnly = insertOnly,
        });

    private static Batch Rows(params (long? K, long? V, RowKind Kind)[] rows) => TestBatches.KeyValues(rows);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Inner_join_forwards_row_kinds_and_multiplies_duplicates(bool insertOnly)
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Inner, insertOnly: insertOnly), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert), (1, 10, RowKind.Insert), (2, 20, RowKind.Insert), (null, 0, RowKind.Insert)), 0);
        Assert.Empty(h.OutputRows);
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Insert), (3, 300, RowKind.Insert), (null, 0, RowKind.Insert)), 1);
        Assert.Equal(["+I[1, 10, 1, 100]", "+I[1, 10, 1, 100]"], h.OutputRows);
        if (insertOnly) return;
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.UpdateBefore), (1, 101, RowKind.UpdateAfter)), 1);
        Assert.Equal(["-U[1, 10, 1, 100]", "-U[1, 10, 1, 100]", "+U[1, 10, 1, 101]", "+U[1, 10, 1, 101]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Delete), (2, 20, RowKind.Delete)), 0);
        Assert.Equal(["-D[1, 10, 1, 101]"], h.OutputRows);
    }

    [Fact]
    public async Task Left_join_pads_retracts_the_padded_row_on_the_first_match_and_restores_it_after_the_last()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Left), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert), (null, 5, RowKind.Insert)), 0);
        Assert.Equal(["+I[1, 10, null, null]", "+I[null, 5, null, null]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Insert), (1, 101, RowKind.Insert)), 1);
        Assert.Equal(["-D[1, 10, null, null]", "+I[1, 10, 1, 100]", "+I[1, 10, 1, 101]"], h.OutputRows);
        h.ClearOutput();
        // Flink's StreamingJoinOperator: a retraction from the side that is not padded keeps its kind.
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Delete), (1, 101, RowKind.UpdateBefore)), 1);
        Assert.Equal(["-D[1, 10, 1, 100]", "-U[1, 10, 1, 101]", "+I[1, 10, null, null]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Delete), (null, 5, RowKind.Delete)), 0);
        Assert.Equal(["-D[1, 10, null, null]", "-D[null, 5, null, null]"], h.OutputRows);
    }

    [Fact]
    public async Task Upsert_sides_keyed_by_the_join_key_replace_their_row_and_count_one_match()
    {
        var spec = new JoinSpec(JoinType.Left, [0], [0], null, GroupAggregates.KeyValue, GroupAggregates.KeyValue, default, "Join", Joined, ChangelogMode.Upsert)
        {
            LeftUpsertKey = [0],
            RightUpsertKey = [0],
        };
        await using var h = await OperatorTestHarness.OpenAsync(new StreamingJoinOperator(spec), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 1, RowKind.Insert)), 0);
        await h.ProcessBatchAsync(Rows((1, 1, RowKind.Insert)), 1);
        Assert.Equal(["+I[1, 1, null, null]", "-D[1, 1, null, null]", "+I[1, 1, 1, 1]"], h.OutputRows);
        h.ClearOutput();
        // A bare +U replaces the stored row; the rows joined with the old one are left to the consumer's key.
        await h.ProcessBatchAsync(Rows((1, 2, RowKind.UpdateAfter)), 1);
        await h.ProcessBatchAsync(Rows((1, 2, RowKind.UpdateAfter)), 0);
        Assert.Equal(["+I[1, 1, 1, 2]", "+I[1, 2, 1, 2]"], h.OutputRows);
        h.ClearOutput();
        // The left row still counts one match (the replacing +U added none): deleting the right row pads it again.
        await h.ProcessBatchAsync(Rows((1, 2, RowKind.Delete)), 1);
        Assert.Equal(["-D[1, 2, 1, 2]", "+I[1, 2, null, null]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 2, RowKind.Delete)), 0);
        Assert.Equal(["-D[1, 2, null, null]"], h.OutputRows);
    }

    [Fact]
    public async Task Upsert_side_keyed_wider_than_the_join_key_replaces_the_row_of_its_key_only()
    {
        var spec = new JoinSpec(JoinType.Left, [0], [0], null, GroupAggregates.KeyValue, GroupAggregates.KeyValue, default, "Join", Joined, ChangelogMode.Upsert)
        {
            LeftInsertOnly = true,
            RightUpsertKey = [0, 1],
        };
        await using var h = await OperatorTestHarness.OpenAsync(new StreamingJoinOperator(spec), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert)), 0);
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Insert), (1, 101, RowKind.Insert), (1, 100, RowKind.UpdateAfter)), 1);
        Assert.Equal(["+I[1, 10, null, null]", "-D[1, 10, null, null]", "+I[1, 10, 1, 100]", "+I[1, 10, 1, 101]", "+I[1, 10, 1, 100]"], h.OutputRows);
        h.ClearOutput();
        // Two right rows (the +U of (1, 100) replaced its row): the left row is padded again only after both are deleted.
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Delete)), 1);
        Assert.Equal(["-D[1, 10, 1, 100]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 101, RowKind.Delete)), 1);
        Assert.Equal(["-D[1, 10, 1, 101]", "+I[1, 10, null, null]"], h.OutputRows);
    }

    [Fact]
    public async Task Full_join_with_a_residual_condition_counts_matches_per_row()
    {
        // v < v0: left (1, 10) matches right rows with v0 > 10 only.
        var condition = new Call("<", [new InputRef(1, SqlType.BigInt), new InputRef(3, SqlType.BigInt)], SqlType.Boolean);
        await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Full, condition), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(Rows((1, 5, RowKind.Insert), (1, 50, RowKind.Insert)), 1);
        Assert.Equal(["+I[null, null, 1, 5]", "+I[null, null, 1, 50]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert)), 0);
        Assert.Equal(["-D[null, null, 1, 50]", "+I[1, 10, 1, 50]"], h.OutputRows);
        h.ClearOutput();
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Delete)), 0);
        Assert.Equal(["-D[1, 10, 1, 50]", "+I[null, null, 1, 50]"], h.OutputRows);
    }

    [Fact]
    public async Task State_ttl_forgets_a_key_not_written_for_that_long()
    {
        var clock = new ManualClock();
        await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Inner, ttl: TimeSpan.FromSeconds(10)), HarnessBackend.HashMap, clock: clock);
        await h.ProcessBatchAsync(Rows((1, 10, RowKind.Insert), (2, 20, RowKind.Insert)), 0);
        clock.Micros += 6_000_000;
        await h.ProcessBatchAsync(Rows((2, 21, RowKind.Insert)), 0);
        clock.Micros += 6_000_000;
        // Key 1 of the left side was written 12 s ago: forgotten; key 2 6 s ago: both its rows join.
        await h.ProcessBatchAsync(Rows((1, 100, RowKind.Insert), (2, 200, RowKind.Insert)), 1);
        // (A key's stored rows come in no particular order, as from Flink's map state.)
        Assert.Equal(["+I[2, 20, 2, 200]", "+I[2, 21, 2, 200]"], h.OutputRows.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task State_restores_on_the_other_backend_at_another_parallelism(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var one = await OperatorTestHarness.OpenAsync(Create(JoinType.Left), GroupAggregateRescaleTests.Backend(first));
        await one.ProcessBatchAsync(Rows((1, 10, RowKind.Insert), (2, 20, RowKind.Insert), (3, 30, RowKind.Insert), (3, 30, RowKind.Insert)), 0);
        await one.ProcessBatchAsync(Rows((2, 200, RowKind.Insert)), 1);
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(JoinType.Left), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk);
            var part = TestBatches.Partition(Rows((1, 100, RowKind.Insert), (2, 200, RowKind.Delete), (3, 300, RowKind.Insert)), 2)[s];
            if (part.Length > 0) await h.ProcessBatchAsync(part, 1);
            output.AddRange(h.OutputRows);
        }
        output.Sort(StringComparer.Ordinal);
        // Key 1's and key 3's padded rows are retracted when they first match; key 2 loses its match and is padded again.
        Assert.Equal(["+I[1, 10, 1, 100]", "+I[2, 20, null, null]", "+I[3, 30, 3, 300]", "+I[3, 30, 3, 300]",
            "-D[1, 10, null, null]", "-D[2, 20, 2, 200]", "-D[3, 30, null, null]", "-D[3, 30, null, null]"], output);
    }
}
